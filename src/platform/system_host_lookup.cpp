// Builds whose C library looks names up (Debian's, Windows, macOS): libpq does it when it connects.
#include "backup_request/platform/host_lookup.hpp"

namespace backup_request::platform {

bool looks_up_host_names() {
    return false;
}

LookedUpAddress look_up_host(const std::string& /*name*/) {
    return {std::nullopt, "this build leaves host names to the system"};
}

} // namespace backup_request::platform
