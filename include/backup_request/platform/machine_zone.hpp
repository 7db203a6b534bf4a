// Where this machine's own time zone is set, which differs by system.
#pragma once

#include "backup_request/platform/folders.hpp"

#include <optional>
#include <string>

namespace backup_request::platform {

// The TZ variable's text when, on this system, it is what sets the machine's zone: on POSIX TZ overrides
// /etc/localtime. On Windows none: there TZ is the C runtime's own rule text ("PST8PDT") and people set the
// zone in Windows' settings, which date's current_zone() maps to an IANA name through windowsZones.xml.
[[nodiscard]] std::optional<std::string> zone_variable(const VariableLookup& variable);

} // namespace backup_request::platform
