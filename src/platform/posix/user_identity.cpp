// The login name from the environment and the host name from uname's node name, on POSIX systems.
#include "backup_request/platform/user_identity.hpp"

#include <array>
#include <unistd.h>

namespace backup_request::platform {

std::optional<std::string> login_name(const VariableLookup& variable) {
    for (const char* name : {"USER", "LOGNAME"}) {
        if (auto value = variable(name); value && !value->empty()) {
            return value;
        }
    }
    return std::nullopt;
}

std::optional<std::string> machine_name() {
    std::array<char, 256> name{};
    if (gethostname(name.data(), name.size() - 1) != 0 || name[0] == '\0') {
        return std::nullopt;
    }
    std::string host(name.data());
    // The short name: the ledger's column is for people, who know their colleagues' machines by it.
    if (const auto dot = host.find('.'); dot != std::string::npos && dot > 0) {
        host.resize(dot);
    }
    return host;
}

} // namespace backup_request::platform
