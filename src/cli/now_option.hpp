// The clock the rules judge against: --now, else BACKUP_REQUEST_NOW, else the system clock.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "command_context.hpp"

#include <nlohmann/json.hpp>
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

// The zone for local times when no flag or draft names one: BACKUP_REQUEST_TZ, or empty. The one place the
// variable is read.
[[nodiscard]] std::string default_time_zone(const Environment& environment);

// The zone for local times when no flag or draft names one: BACKUP_REQUEST_TZ, or empty. The one place the
// variable is read.
[[nodiscard]] std::string default_time_zone(const Environment& environment);

// BACKUP_REQUEST_TZ fills a draft's time_zone when neither the draft nor --timezone gave one. A variable that
// names no zone is a usage error (the message returned) when a time needs it, and is ignored otherwise.
[[nodiscard]] std::optional<std::string> apply_time_zone_variable(const CommandContext& context,
                                                                  nlohmann::json& draft, sys_seconds now);

} // namespace backup_request
