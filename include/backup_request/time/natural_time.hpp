// Points in time as people say them in an incident ("yesterday 14:30", "friday 9am", "2 hours ago", "Nov 20
// 14:30 Europe/Lisbon"), read into one exact UTC instant: never a future day, never a guessed zone, and
// refused with both readings when the words could mean two things.
#pragma once

#include "backup_request/time/utc_time.hpp"

#include <string_view>

namespace backup_request {

// The natural forms (docs/usage.md has the table), against `now`. `time_zone` (an IANA name, already checked)
// is the zone in force for a wall time without one; a zone at the end of the text wins over it. Called by
// parse_point_in_time for text that is neither an ISO date and time nor "now...".
[[nodiscard]] TimeParseResult parse_natural_time(std::string_view text, sys_seconds now,
                                                 std::string_view time_zone);

// The line that says what a time was read as, for stderr: `"friday 9am" (Europe/Lisbon) read as
// 2026-12-04T09:00:00Z, Friday 4 December, 09:00 WET`; empty when the text was already a full UTC instant.
// The year is named when it is not `now`'s.
[[nodiscard]] std::string time_reading_note(std::string_view text, const ParsedTime& parsed, sys_seconds now);

} // namespace backup_request
