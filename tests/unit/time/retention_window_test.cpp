// Unit tests for the retention window rule, at its edges to the second.
#include "backup_request/time/retention_window.hpp"
#include "test_time.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;
using backup_request::test::codes;
using backup_request::test::Codes;
using backup_request::test::utc;
using namespace std::chrono_literals;

namespace {

const sys_seconds now = utc("2026-11-20T12:00:00Z");

} // namespace

TEST_CASE("The window is [now - 15 days, now], both ends included") {
    const auto window = retention_window(now, 15);
    CHECK(format_utc_time(window.earliest) == "2026-11-05T12:00:00Z");
    CHECK(format_utc_time(window.latest) == "2026-11-20T12:00:00Z");

    SECTION("exactly at the oldest edge: inside, but leaving at once") {
        CHECK(codes(check_point_in_time(window.earliest, now, 15)) == Codes{"time-expires-soon"});
    }
    SECTION("one second older than the window: an error that says by how much and the earliest time") {
        const auto found = check_point_in_time(window.earliest - 1s, now, 15);
        REQUIRE(codes(found) == Codes{"time-too-old"});
        CHECK(found[0].field == "point_in_time");
        CHECK(found[0].message ==
              "2026-11-05T11:59:59Z is older than the 15-day retention window by 1 second (it left the "
              "window at 2026-11-20T11:59:59Z); "
              "the earliest point in time allowed now is 2026-11-05T12:00:00Z");
    }
    SECTION("exactly now: inside, but too recent to be safe") {
        CHECK(codes(check_point_in_time(now, now, 15)) == Codes{"time-too-recent"});
    }
    SECTION("one second in the future: an error") {
        const auto found = check_point_in_time(now + 1s, now, 15);
        REQUIRE(codes(found) == Codes{"time-in-future"});
        CHECK(found[0].message ==
              "2026-11-20T12:00:01Z is 1 second in the future (now is 2026-11-20T12:00:00Z): "
              "a backup can only be restored to a time that has passed");
    }
}

TEST_CASE("Warning when the point in time is less than 5 minutes before now") {
    CHECK(codes(check_point_in_time(now - 5min + 1s, now, 15)) == Codes{"time-too-recent"});
    CHECK(codes(check_point_in_time(now - 5min, now, 15)).empty());
    const auto found = check_point_in_time(now - 1min, now, 15);
    CHECK(found[0].message ==
          "2026-11-20T11:59:00Z is less than 5 minutes before now (2026-11-20T12:00:00Z): "
          "the newest backups may not be restorable yet; a point at or before "
          "2026-11-20T11:55:00Z is safe");
}

TEST_CASE("Warning when the point in time leaves the window within 48 hours") {
    const auto earliest = retention_window(now, 15).earliest;
    CHECK(codes(check_point_in_time(earliest + 48h, now, 15)) == Codes{"time-expires-soon"});
    CHECK(codes(check_point_in_time(earliest + 48h + 1s, now, 15)).empty());
    const auto found = check_point_in_time(utc("2026-11-06T15:30:00Z"), now, 15);
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::warning);
    CHECK(found[0].message ==
          "2026-11-06T15:30:00Z leaves the 15-day retention window at 2026-11-21T15:30:00Z, "
          "in 1 day 3 hours 30 minutes: the vendor must restore it before then");
}

TEST_CASE("Another retention length moves the window") {
    CHECK(codes(check_point_in_time(now - 24h * 7 - 1s, now, 7)) == Codes{"time-too-old"});
    CHECK(codes(check_point_in_time(now - 24h * 3, now, 7)).empty());
    CHECK(format_utc_time(window_exit_time(utc("2026-12-20T00:00:00Z"), 15)) == "2027-01-04T00:00:00Z");
    CHECK(format_utc_time(window_exit_time(utc("2028-02-20T10:00:00Z"), 15)) == "2028-03-06T10:00:00Z");
}
