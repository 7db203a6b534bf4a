// What the command line says about the times people type: the line that echoes how a time was read, and this
// machine's own zone named where a wall time has none (never used for it: a guessed zone is an hour-wrong
// restore).
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "backup_request/rules/diagnostic.hpp"
#include "backup_request/time/utc_time.hpp"
#include "command_context.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace backup_request {

// This machine's zone as an IANA name: on POSIX TZ when set (a rule or a path is not suggested), else
// /etc/localtime; on Windows its own setting mapped through CLDR's windowsZones (platform/machine_zone.hpp).
// None when it cannot tell, or when it is UTC all year round around `now` (UTC itself, Africa/Abidjan,
// Atlantic/Reykjavik: then "add UTC" already says it all).
[[nodiscard]] std::optional<std::string> machine_time_zone(const Environment& environment, sys_seconds now);

// A time-no-zone message with this machine's zone named as the likely one ("--timezone Europe/Berlin (this
// machine's zone)"); unchanged when the machine's zone is unknown or UTC.
[[nodiscard]] std::string naming_machine_zone(std::string message, const Environment& environment,
                                              sys_seconds now);
void name_machine_zone(Diagnostics& diagnostics, const Environment& environment, sys_seconds now);

// "note: "friday 9am" (Europe/Lisbon) read as 2026-12-04T09:00:00Z, ..." on stderr, unless -q or the text was
// already a full UTC instant.
void echo_time_reading(CommandContext& context, std::string_view text, const ParsedTime& parsed,
                       sys_seconds now);

// The echo for each time field of a judged draft (point_in_time, delivered_at, access_expires_at) that was
// typed as something other than a full UTC instant; `skip` names a field already echoed (at a prompt).
void echo_draft_times(CommandContext& context, const nlohmann::json& draft, sys_seconds now,
                      std::string_view skip = {});

} // namespace backup_request
