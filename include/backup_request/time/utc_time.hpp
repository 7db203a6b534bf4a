// Parsing the times people type (RFC 3339, "... UTC", "now-2h") into UTC seconds, and printing them back.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace backup_request {

using sys_seconds = std::chrono::sys_seconds;

struct ParsedTime {
    sys_seconds time{};
    bool subseconds_dropped = false; // the text had a fraction of a second, which was cut off
    bool relative = false;           // counted from now: "now-2h", "yesterday 14:30", "2 hours ago"
    bool exact_utc = false;          // written as a full UTC instant ("...Z", "... UTC"): nothing to echo
    // The wall time (its fields, held as if UTC) when converted from a local time in a zone; a value, not
    // text, so that the usual draft (a UTC instant) moves no second string through every parse (issue 25's
    // cost).
    std::optional<sys_seconds> local_wall{};
    std::optional<std::chrono::minutes> offset{}; // a numeric offset that was given (not UTC)
    std::string local_zone{};                     // the IANA zone of local_wall
};

struct TimeParseError {
    std::string code;    // a diagnostic code: time-empty, time-no-zone, time-invalid-date, ...
    std::string message; // ends with the accepted forms
};

using TimeParseResult = std::variant<ParsedTime, TimeParseError>;

// The last second the payload's fixed form (four-digit years) can hold: 9999-12-31T23:59:59Z. Every time the
// tool writes is at most this.
inline constexpr sys_seconds last_writable_time{std::chrono::seconds{253402300799}};

// The forms every time flag accepts, for messages and --help.
inline constexpr std::string_view accepted_time_forms =
    "accepted forms: 2026-11-20T14:30:00Z, 2026-11-20T09:30:00-05:00, 2026-11-20 14:30 UTC, now, now-90m "
    "(units s, m, h, d, w)";

// The same, with the forms in words (natural_time.hpp): for the prompt and the help of --at.
inline constexpr std::string_view natural_time_forms =
    "accepted forms: 2026-11-20T14:30:00Z, 2026-11-20 14:30 UTC, yesterday 14:30, today 9am, friday 9:00, "
    "last friday 9am, Nov 20 14:30, 2 hours ago, now-90m; a zone at the end (UTC, +01:00, Europe/Lisbon) or "
    "--timezone";

// Absolute forms, "now"/"now-<N><unit>" counted back from `now`, and the forms in words (natural_time.hpp).
// With a `time_zone` (an IANA name, already checked with check_time_zone), a time without an offset is a
// local wall time in that zone.
[[nodiscard]] TimeParseResult parse_point_in_time(std::string_view text, sys_seconds now,
                                                  std::string_view time_zone = {});

// Absolute forms only: what --now and BACKUP_REQUEST_NOW accept.
[[nodiscard]] TimeParseResult parse_absolute_time(std::string_view text);

// "2026-11-20T14:30:00Z"
[[nodiscard]] std::string format_utc_time(sys_seconds time);

// "2026-11-20T09:30:00": a ParsedTime's local_wall, without a zone.
[[nodiscard]] std::string format_wall_time(sys_seconds wall);

// "+05:30", "-03:00"
[[nodiscard]] std::string format_utc_offset(std::chrono::minutes offset);

} // namespace backup_request
