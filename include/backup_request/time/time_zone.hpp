// Local wall times in an IANA zone (the system's zoneinfo, through date's tz.h) converted to UTC.
#pragma once

#include "backup_request/time/utc_time.hpp"

#include <date/date.h>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace backup_request {

using local_seconds = date::local_seconds;

// Whether this build reads the IANA zones from text files that travel with the program (Windows, where there
// is no system zoneinfo) rather than from the system's database.
[[nodiscard]] bool time_zones_are_bundled();

// Where the bundled zones are: `<folder>/tzdata` (the release puts it beside the executable). Call it once at
// start-up, before the first zone lookup, and only when time_zones_are_bundled(); none keeps date's default.
void use_bundled_time_zones(const std::optional<std::string>& folder);

// The zone database's version ("2026b") and where it is read from, for --version; or why it cannot be read.
// Loads the database.
[[nodiscard]] std::string time_zone_database_text();

// An error naming the zone and its closest known names when `name` is not in the IANA database.
// Touches the zone database: call it only when a zone was given.
[[nodiscard]] std::optional<TimeParseError> check_time_zone(std::string_view name);

// Whether `name` is a zone of the IANA database (no suggestions computed: a cheap question).
[[nodiscard]] bool is_known_time_zone(std::string_view name);

// Up to three known zone names close to `name` ("lisbon" -> "Europe/Lisbon").
[[nodiscard]] std::vector<std::string> similar_time_zones(std::string_view name);

// The UTC time of a local wall time in `zone`. A time in a spring-forward gap is an error that names the gap;
// one that occurs twice (fall-back) is an error that lists both UTC candidates and asks for an explicit
// offset. `text` is the user's input, for messages.
[[nodiscard]] std::variant<sys_seconds, TimeParseError>
local_to_utc(local_seconds local, std::string_view zone, std::string_view text);

} // namespace backup_request
