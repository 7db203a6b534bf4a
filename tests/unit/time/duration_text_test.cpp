// Unit tests for duration_text.
#include "backup_request/time/duration_text.hpp"

#include <catch2/catch.hpp>

using backup_request::duration_text;
using namespace std::chrono_literals;

TEST_CASE("Durations are spelled out exactly, zero units left out") {
    CHECK(duration_text(0s) == "0 seconds");
    CHECK(duration_text(1s) == "1 second");
    CHECK(duration_text(59s) == "59 seconds");
    CHECK(duration_text(1min) == "1 minute");
    CHECK(duration_text(2h + 1s) == "2 hours 1 second");
    CHECK(duration_text(24h) == "1 day");
    CHECK(duration_text(51h + 30min) == "2 days 3 hours 30 minutes");
    CHECK(duration_text(-90s) == "1 minute 30 seconds");
}
