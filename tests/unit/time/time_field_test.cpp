// Unit tests for reading a request's time fields and its time zone field into diagnostics.
#include "backup_request/time/time_field.hpp"
#include "test_time.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;
using backup_request::test::utc;

TEST_CASE("a time field reads into UTC, or into a diagnostic at that field") {
    const sys_seconds now = utc("2026-11-20T12:00:00Z");
    Diagnostics found;
    const auto local = read_time_field("delivered_at", "2026-11-20 09:30", now, "America/New_York", found);
    REQUIRE(local.has_value());
    CHECK(format_utc_time(local->time) == "2026-11-20T14:30:00Z");
    CHECK(format_wall_time(local->local_wall.value()) == "2026-11-20T09:30:00");
    CHECK(found.empty());

    const auto fraction = read_time_field("point_in_time", "2026-11-20T11:00:00.5Z", now, "", found);
    REQUIRE(fraction.has_value());
    REQUIRE(found.size() == 1);
    CHECK(found[0].code == "time-subseconds-dropped");
    CHECK(found[0].severity == Severity::warning);
    CHECK(found[0].field == "point_in_time");

    found.clear();
    CHECK_FALSE(read_time_field("delivered_at", "yesterday", now, "", found).has_value());
    REQUIRE(found.size() == 1);
    CHECK(found[0].code == "time-invalid");
    CHECK(found[0].field == "delivered_at");

    found.clear();
    CHECK_FALSE(read_time_field("point_in_time", "2026-11-20T11:00:00\xFFZ", now, "", found).has_value());
    CHECK(found.at(0).message.starts_with("the time is not valid UTF-8"));
}

TEST_CASE("the time zone field: absent is fine, an unknown or unprintable name is an error") {
    Diagnostics found;
    CHECK(check_time_zone_field(std::nullopt, found));
    CHECK(check_time_zone_field(std::string("Europe/Lisbon"), found));
    CHECK(found.empty());
    CHECK_FALSE(check_time_zone_field(std::string("Mars/Base"), found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].code == "time-zone-unknown");
    CHECK(found[0].field == "time_zone");
    found.clear();
    CHECK_FALSE(check_time_zone_field(std::string("Europe/\x1b[2JLisbon"), found));
    CHECK(found.at(0).message == "the time zone is not a plain IANA name");
}
