// POSIX: TZ, when set, is the machine's zone for every program (else /etc/localtime, read by date).
#include "backup_request/platform/machine_zone.hpp"

namespace backup_request::platform {

std::optional<std::string> zone_variable(const VariableLookup& variable) {
    return variable("TZ");
}

} // namespace backup_request::platform
