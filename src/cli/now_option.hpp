// The clock the rules judge against: --now, else BACKUP_REQUEST_NOW, else the system clock.
#pragma once

#include "command_context.hpp"

#include <string>
#include <variant>

namespace backup_request {

struct NowError {
    std::string message;
};

// `flag_value` is the text of --now, empty when not given. A sub-second part is dropped with a warning
// logged.
[[nodiscard]] std::variant<ResolvedNow, NowError> resolve_now(const std::string& flag_value,
                                                              CommandContext& context);

} // namespace backup_request
