// Windows: the zone is Windows' own setting; TZ (a C runtime rule, or a Unix shell's leftover) is not asked.
#include "backup_request/platform/machine_zone.hpp"

namespace backup_request::platform {

std::optional<std::string> zone_variable(const VariableLookup& /*variable*/) {
    return std::nullopt;
}

} // namespace backup_request::platform
