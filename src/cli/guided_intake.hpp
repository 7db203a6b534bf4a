// Guided intake: at a terminal, `create` asks for the fields the flags left out, explaining wrong answers.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "backup_request/drafts/request_kind.hpp"
#include "command_context.hpp"

#include <nlohmann/json.hpp>
#include <optional>

namespace backup_request {

// Whether a field has a prompt: point_in_time, environments, justification, extension_days.
[[nodiscard]] bool can_ask_for(const std::string& key);

// Asks on stderr, reads stdin, and fills each of the kind's required fields the draft lacks (each must be one
// can_ask_for() names; a field whose alternative is in the draft is not missing). Returns false when the
// input ended before every answer was given.
[[nodiscard]] bool ask_missing_fields(const RequestKind& kind, nlohmann::json& draft, sys_seconds now,
                                      bool allow_secrets, CommandContext& context);

// Shows `summary` and asks to go on; true only for an explicit yes.
[[nodiscard]] bool confirm_request(const std::string& summary, CommandContext& context);

} // namespace backup_request
