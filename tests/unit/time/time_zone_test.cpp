// Unit tests for local times in IANA zones: ordinary days, DST gaps and overlaps in both hemispheres.
#include "backup_request/time/time_zone.hpp"
#include "test_time.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;
using backup_request::test::utc;

namespace {

const sys_seconds now = utc("2026-12-31T00:00:00Z");

std::string converted(std::string_view text, std::string_view zone) {
    auto result = parse_point_in_time(text, now, zone);
    if (auto* error = std::get_if<TimeParseError>(&result)) {
        return "error " + error->code;
    }
    return format_utc_time(std::get<ParsedTime>(result).time);
}

TimeParseError error_of(std::string_view text, std::string_view zone) {
    auto result = parse_point_in_time(text, now, zone);
    REQUIRE(std::holds_alternative<TimeParseError>(result));
    return std::get<TimeParseError>(result);
}

} // namespace

TEST_CASE("A local wall time is converted through the zone's rules") {
    CHECK(converted("2026-11-20 09:30", "America/New_York") == "2026-11-20T14:30:00Z");
    CHECK(converted("2026-07-20 09:30", "America/New_York") == "2026-07-20T13:30:00Z");
    CHECK(converted("2026-11-20T09:30:00", "Europe/Lisbon") == "2026-11-20T09:30:00Z");
    CHECK(converted("2026-07-20 09:30", "Australia/Sydney") == "2026-07-19T23:30:00Z");
    CHECK(converted("2026-12-20 09:30", "Australia/Sydney") == "2026-12-19T22:30:00Z");
    CHECK(converted("2026-11-20 09:30", "Asia/Kolkata") == "2026-11-20T04:00:00Z");
    auto parsed = std::get<ParsedTime>(parse_point_in_time("2026-11-20 09:30", now, "Europe/Lisbon"));
    CHECK(format_wall_time(parsed.local_wall.value()) == "2026-11-20T09:30:00");
}

TEST_CASE("An explicit offset or Z wins over the zone, and relative times ignore it") {
    CHECK(converted("2026-11-20T09:30:00-03:00", "America/New_York") == "2026-11-20T12:30:00Z");
    CHECK(converted("2026-11-20T09:30:00Z", "Asia/Tokyo") == "2026-11-20T09:30:00Z");
    CHECK_FALSE(std::get<ParsedTime>(parse_point_in_time("2026-11-20T09:30:00Z", now, "Asia/Tokyo"))
                    .local_wall.has_value());
    CHECK(converted("now-1h", "Asia/Tokyo") == "2026-12-30T23:00:00Z");
}

TEST_CASE("Spring forward: a time in the gap does not exist (northern and southern hemisphere)") {
    SECTION("New York, 2026-03-08 02:00 -> 03:00") {
        const auto error = error_of("2026-03-08 02:30", "America/New_York");
        CHECK(error.code == "time-local-gap");
        CHECK(error.message ==
              "'2026-03-08 02:30' does not exist in America/New_York: clocks jumped from 02:00 to "
              "03:00 (EST to EDT) that day; give a time outside the gap, or an explicit offset");
        CHECK(converted("2026-03-08 01:59:59", "America/New_York") == "2026-03-08T06:59:59Z");
        CHECK(converted("2026-03-08 03:00", "America/New_York") == "2026-03-08T07:00:00Z");
    }
    SECTION("Sydney, 2026-10-04 02:00 -> 03:00") {
        CHECK(error_of("2026-10-04 02:00", "Australia/Sydney").code == "time-local-gap");
        CHECK(converted("2026-10-04 03:00", "Australia/Sydney") == "2026-10-03T16:00:00Z");
    }
    SECTION("Lisbon, 2026-03-29 01:00 -> 02:00") {
        CHECK(error_of("2026-03-29 01:30", "Europe/Lisbon").code == "time-local-gap");
    }
}

TEST_CASE("Fall back: a time that occurs twice lists both UTC candidates") {
    SECTION("New York, 2026-11-01 01:00-02:00 twice") {
        const auto error = error_of("2026-11-01 01:30", "America/New_York");
        CHECK(error.code == "time-local-ambiguous");
        CHECK(error.message ==
              "'2026-11-01 01:30' occurs twice in America/New_York: 2026-11-01T05:30:00Z (EDT, "
              "2026-11-01T01:30:00-04:00) or 2026-11-01T06:30:00Z (EST, 2026-11-01T01:30:00-05:00); give the "
              "offset "
              "you mean");
        CHECK(converted("2026-11-01T01:30:00-05:00", "America/New_York") == "2026-11-01T06:30:00Z");
    }
    SECTION("Sydney, 2026-04-05 02:00-03:00 twice") {
        const auto error = error_of("2026-04-05 02:30", "Australia/Sydney");
        CHECK(error.code == "time-local-ambiguous");
        CHECK_THAT(error.message, Catch::Contains("2026-04-04T15:30:00Z (AEDT") &&
                                      Catch::Contains("2026-04-04T16:30:00Z (AEST"));
        CHECK(converted("2026-04-05 03:00", "Australia/Sydney") == "2026-04-04T17:00:00Z");
    }
}

TEST_CASE("Unknown zones get close suggestions") {
    CHECK_FALSE(check_time_zone("Europe/Lisbon").has_value());
    const auto lisbon = check_time_zone("Europe/Lisbn");
    REQUIRE(lisbon.has_value());
    CHECK(lisbon->code == "time-zone-unknown");
    CHECK(lisbon->message ==
          "unknown time zone 'Europe/Lisbn' (did you mean 'Europe/Lisbon'?): give an IANA name "
          "like Europe/Lisbon or America/New_York");
    CHECK(similar_time_zones("lisbon") == std::vector<std::string>{"Europe/Lisbon"});
    CHECK(similar_time_zones("new york") == std::vector<std::string>{"America/New_York"});
    CHECK(similar_time_zones("Mars/Olympus").empty());
}

TEST_CASE("the zone database names its version and where it is read from") {
    const std::string text = time_zone_database_text();
#ifdef _WIN32
    CHECK_THAT(text, Catch::Matches("[0-9]{4}[a-z]+ \\(.*\\\\tzdata\\)"));
#else
    CHECK_THAT(text, Catch::Matches("[0-9]{4}[a-z]+ \\(/usr/share/zoneinfo\\)"));
#endif
}
