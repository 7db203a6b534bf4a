// Who is running the program, as the ledger's written_by names it: the login name and this machine's name.
#pragma once

#include "backup_request/platform/folders.hpp"

#include <optional>
#include <string>

namespace backup_request::platform {

// The login name: $USER or $LOGNAME (POSIX: looking it up in the user database would need NSS modules a
// static binary does not have), the account's name (Windows, else %USERNAME%); none when neither is there.
[[nodiscard]] std::optional<std::string> login_name(const VariableLookup& variable);

// This machine's name as the system reports it (the short host name); none when it cannot be read.
[[nodiscard]] std::optional<std::string> machine_name();

} // namespace backup_request::platform
