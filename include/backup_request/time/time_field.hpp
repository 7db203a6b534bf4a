// A time field of a request (point_in_time, delivered_at, ...) read into UTC, with its problems as
// diagnostics.
#pragma once

#include "backup_request/rules/diagnostic.hpp"
#include "backup_request/time/utc_time.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace backup_request {

// Parses `text` (present) as a time for `field`: errors for invalid UTF-8 and unreadable times, a warning
// when a fraction of a second was dropped. `time_zone` as for parse_point_in_time.
[[nodiscard]] std::optional<ParsedTime> read_time_field(const std::string& field, const std::string& text,
                                                        sys_seconds now, std::string_view time_zone,
                                                        Diagnostics& found);

// An error at "time_zone" when the zone is not a known IANA name; true when there is no zone or it is known.
// Opens the zone database only when a zone is given.
[[nodiscard]] bool check_time_zone_field(const std::optional<std::string>& time_zone, Diagnostics& found);

} // namespace backup_request
