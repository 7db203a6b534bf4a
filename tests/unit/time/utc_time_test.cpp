// Unit tests for parse_point_in_time / parse_absolute_time / format_utc_time.
#include "backup_request/time/utc_time.hpp"
#include "test_time.hpp"

#include <catch2/catch.hpp>
#include <date/date.h>

using namespace backup_request;
using backup_request::test::utc;
using namespace std::chrono_literals;

namespace {

const sys_seconds now = utc("2026-11-20T12:00:00Z");

std::string parsed_text(std::string_view text) {
    auto result = parse_point_in_time(text, now);
    if (auto* error = std::get_if<TimeParseError>(&result)) {
        return "error " + error->code;
    }
    return format_utc_time(std::get<ParsedTime>(result).time);
}

TimeParseError error_of(std::string_view text) {
    auto result = parse_point_in_time(text, now);
    REQUIRE(std::holds_alternative<TimeParseError>(result));
    return std::get<TimeParseError>(result);
}

} // namespace

TEST_CASE("RFC 3339 with Z or an offset is converted to UTC") {
    CHECK(parsed_text("2026-11-20T14:30:00Z") == "2026-11-20T14:30:00Z");
    CHECK(parsed_text("2026-11-20T09:30:00-05:00") == "2026-11-20T14:30:00Z");
    CHECK(parsed_text("2026-11-20T14:30:00+05:30") == "2026-11-20T09:00:00Z");
    CHECK(parsed_text("2026-11-20t14:30:00z") == "2026-11-20T14:30:00Z");
    CHECK(parsed_text("2026-11-20 14:30:00Z") == "2026-11-20T14:30:00Z");
    CHECK(parsed_text("2026-11-20T14:30:00+0100") == "2026-11-20T13:30:00Z");
    CHECK(parsed_text("  2026-11-20T14:30:00Z  ") == "2026-11-20T14:30:00Z");
    CHECK(parsed_text("2026-11-20T14:30Z") == "2026-11-20T14:30:00Z");
}

TEST_CASE("The UTC suffix form is accepted") {
    CHECK(parsed_text("2026-11-20 14:30 UTC") == "2026-11-20T14:30:00Z");
    CHECK(parsed_text("2026-11-20 14:30:15 UTC") == "2026-11-20T14:30:15Z");
    CHECK(parsed_text("2026-11-20 14:30:15 utc") == "2026-11-20T14:30:15Z");
}

TEST_CASE("Offsets that cross midnight, month, year and leap day") {
    CHECK(parsed_text("2026-11-20T23:30:00-05:00") == "2026-11-21T04:30:00Z");
    CHECK(parsed_text("2026-11-21T01:00:00+02:00") == "2026-11-20T23:00:00Z");
    CHECK(parsed_text("2026-12-31T22:00:00-03:00") == "2027-01-01T01:00:00Z");
    CHECK(parsed_text("2027-01-01T00:30:00+01:00") == "2026-12-31T23:30:00Z");
    CHECK(parsed_text("2028-02-29T23:00:00-02:00") == "2028-03-01T01:00:00Z");
    CHECK(parsed_text("2026-03-01T00:30:00+01:00") == "2026-02-28T23:30:00Z");
    CHECK(parsed_text("2026-04-30T23:59:59-00:01") == "2026-05-01T00:00:59Z");
}

TEST_CASE("Relative forms count back from now") {
    CHECK(parsed_text("now") == "2026-11-20T12:00:00Z");
    CHECK(parsed_text("NOW") == "2026-11-20T12:00:00Z");
    CHECK(parsed_text("now-90m") == "2026-11-20T10:30:00Z");
    CHECK(parsed_text("now-2h") == "2026-11-20T10:00:00Z");
    CHECK(parsed_text("now-3d") == "2026-11-17T12:00:00Z");
    CHECK(parsed_text("now-1w") == "2026-11-13T12:00:00Z");
    CHECK(parsed_text("now-45s") == "2026-11-20T11:59:15Z");
    CHECK(std::get<ParsedTime>(parse_point_in_time("now-2h", now)).relative);
    SECTION("and reject what they cannot read") {
        CHECK(error_of("now+2h").code == "time-invalid");
        CHECK(error_of("now-2y").code == "time-invalid");
        CHECK(error_of("now-").code == "time-invalid");
        CHECK(error_of("now-h").code == "time-invalid");
        CHECK(error_of("now-1234567890h").code == "time-invalid");
        CHECK(error_of("nowhere").code == "time-invalid");
    }
}

TEST_CASE("A sub-second part is dropped and reported") {
    auto result = parse_point_in_time("2026-11-20T14:30:00.987Z", now);
    REQUIRE(std::holds_alternative<ParsedTime>(result));
    CHECK(format_utc_time(std::get<ParsedTime>(result).time) == "2026-11-20T14:30:00Z");
    CHECK(std::get<ParsedTime>(result).subseconds_dropped);
    CHECK_FALSE(std::get<ParsedTime>(parse_point_in_time("2026-11-20T14:30:00Z", now)).subseconds_dropped);
    CHECK(error_of("2026-11-20T14:30:00.Z").code == "time-invalid");
}

TEST_CASE("A time without a zone is rejected with a hint to add Z") {
    const auto error = error_of("2026-11-20T14:30:00");
    CHECK(error.code == "time-no-zone");
    CHECK_THAT(error.message, Catch::Contains("add Z for UTC") && Catch::Contains("accepted forms: "));
    CHECK(error_of("2026-11-20 14:30").code == "time-no-zone");
    CHECK(error_of("2026-11-20 14:30 EST").code == "time-no-zone");
}

TEST_CASE("Impossible dates are rejected") {
    CHECK(error_of("2026-02-29T10:00:00Z").code == "time-invalid-date");
    CHECK(error_of("2026-02-29T10:00:00Z")
              .message.starts_with("'2026-02-29T10:00:00Z' is not a real date: February 2026 has 28 days"));
    CHECK(error_of("2026-04-31T10:00:00Z").code == "time-invalid-date");
    CHECK(error_of("2026-11-00T10:00:00Z").code == "time-invalid-date");
    CHECK(parsed_text("2028-02-29T10:00:00Z") == "2028-02-29T10:00:00Z");
    CHECK(parsed_text("2026-04-30T10:00:00Z") == "2026-04-30T10:00:00Z");
}

TEST_CASE("Out-of-range fields and leap seconds are rejected") {
    CHECK(error_of("2026-13-01T10:00:00Z").code == "time-out-of-range");
    CHECK(error_of("2026-00-01T10:00:00Z").code == "time-out-of-range");
    CHECK(error_of("2026-11-20T24:00:00Z").code == "time-out-of-range");
    CHECK(error_of("2026-11-20T10:60:00Z").code == "time-out-of-range");
    CHECK(error_of("2026-11-20T10:00:61Z").code == "time-out-of-range");
    CHECK(error_of("2026-11-20T10:00:00+24:00").code == "time-out-of-range");
    CHECK(error_of("2026-11-20T10:00:00+05:60").code == "time-out-of-range");
    CHECK(error_of("2026-12-31T23:59:60Z").code == "time-leap-second");
}

TEST_CASE("Trailing garbage and empty input are rejected") {
    CHECK(error_of("").code == "time-empty");
    CHECK(error_of("   ").code == "time-empty");
    CHECK(error_of("2026-11-20T14:30:00Zabc").code == "time-invalid");
    CHECK(error_of("2026-11-20T14:30:00Z UTC").code == "time-invalid");
    CHECK(error_of("2026-11-20").code == "time-invalid");
    CHECK(error_of("2026-11-20X14:30:00Z").code == "time-invalid");
    CHECK(error_of("yesterday").code == "time-invalid");
    CHECK(error_of("2026-11-20T14:30:00-5").code == "time-invalid");
    CHECK(error_of("20261120T14").code == "time-invalid");
    CHECK(error_of("2026112T143000Z").code == "time-invalid");
}

TEST_CASE("Unambiguous forms people paste are accepted: PostgreSQL's, ISO 8601 basic, a space before Z") {
    CHECK(parsed_text("2026-11-20 14:30:00+00") == "2026-11-20T14:30:00Z");
    CHECK(parsed_text("2026-11-20 09:30:00-05") == "2026-11-20T14:30:00Z");
    CHECK(parsed_text("2026-11-20 14:30:00.123456+00") == "2026-11-20T14:30:00Z");
    CHECK(parsed_text("20261119T143000Z") == "2026-11-19T14:30:00Z");
    CHECK(parsed_text("20261119T1430Z") == "2026-11-19T14:30:00Z");
    CHECK(parsed_text("20261119T153000+0100") == "2026-11-19T14:30:00Z");
    CHECK(parsed_text("2026-11-20T14:30:00 Z") == "2026-11-20T14:30:00Z");
    CHECK(parsed_text("2026-11-20T20:00:00 +05:30") == "2026-11-20T14:30:00Z");
}

TEST_CASE("A zero fraction loses nothing and is not reported") {
    auto result = parse_point_in_time("2026-11-20T14:30:00.000Z", now);
    REQUIRE(std::holds_alternative<ParsedTime>(result));
    CHECK_FALSE(std::get<ParsedTime>(result).subseconds_dropped);
}

TEST_CASE("Times outside the years 0000 to 9999 are rejected (found by fuzzing)") {
    CHECK(error_of("now-5666666d").code == "time-out-of-range");
    CHECK(error_of("0000-01-01T00:00:00+01:00").code == "time-out-of-range");
    CHECK(error_of("9999-12-31T23:59:59-01:00").code == "time-out-of-range");
    CHECK(parsed_text("0000-01-01T00:00:00Z") == "0000-01-01T00:00:00Z");
    CHECK(parsed_text("9999-12-31T23:59:59Z") == "9999-12-31T23:59:59Z");
    CHECK(std::holds_alternative<TimeParseError>(parse_absolute_time("9999-12-31T23:00:00-01:00")));
}

TEST_CASE("Every error message lists the accepted forms") {
    for (const char* text : {"", "2026-11-20T14:30:00", "2026-02-29T00:00:00Z", "2026-11-20T25:00:00Z",
                             "2026-11-20T23:59:60Z", "2026-11-20T14:30:00Zx", "now+1h"}) {
        CAPTURE(text);
        CHECK_THAT(error_of(text).message, Catch::EndsWith(std::string(accepted_time_forms)));
    }
}

TEST_CASE("The --now flag takes absolute forms only") {
    CHECK(std::holds_alternative<TimeParseError>(parse_absolute_time("now")));
    CHECK(std::holds_alternative<TimeParseError>(parse_absolute_time("now-2h")));
    CHECK(format_utc_time(utc("2026-11-20T09:30:00.5-05:00")) == "2026-11-20T14:30:00Z");
}

TEST_CASE("format_utc_time prints the fixed RFC 3339 form") {
    CHECK(format_utc_time(sys_seconds{0s}) == "1970-01-01T00:00:00Z");
    CHECK(format_utc_time(utc("2026-11-20T09:05:07Z")) == "2026-11-20T09:05:07Z");
    CHECK(format_utc_time(utc("9999-12-31T23:59:59Z")) == "9999-12-31T23:59:59Z");
}

TEST_CASE("format_utc_time writes what date::format writes, in every year from 0 to 9999") {
    // A linear congruential walk over the seconds of those 10,000 years: every field width, leap days
    // included.
    std::uint64_t state = 12345;
    const auto first = date::sys_days{date::year{0} / 1 / 1};
    const auto last = date::sys_days{date::year{9999} / 12 / 31} + std::chrono::hours{24};
    const auto span = static_cast<std::uint64_t>(std::chrono::seconds{last - first}.count());
    for (int i = 0; i < 20000; ++i) {
        state = state * 6364136223846793005U + 1442695040888963407U;
        const sys_seconds time =
            first + std::chrono::seconds{static_cast<std::int64_t>((state >> 11U) % span)};
        INFO(time.time_since_epoch().count());
        REQUIRE(format_utc_time(time) == date::format("%Y-%m-%dT%H:%M:%SZ", time));
    }
    CHECK(format_utc_time(date::sys_days{date::year{10000} / 1 / 1}) == "10000-01-01T00:00:00Z");
    CHECK(format_utc_time(date::sys_days{date::year{-1} / 12 / 31}) == "-001-12-31T00:00:00Z"); // as before
}
