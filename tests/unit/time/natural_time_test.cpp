// The natural forms against fixed clocks: a Monday, a Sunday, New Year, 29 February, and both DST changes of
// a northern (Europe/Lisbon) and two southern zones (America/Santiago, Australia/Sydney). Each row is a text,
// the zone in force ("" for none), and the instant it reads as or the code it is refused with.
#include "backup_request/time/natural_time.hpp"
#include "test_time.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;
using backup_request::test::utc;

namespace {

struct Row {
    const char* now;
    const char* text;
    const char* zone;
    const char* expected; // an instant, or a diagnostic code
};

std::string reading(const Row& row) {
    const auto parsed = parse_point_in_time(row.text, utc(row.now), row.zone);
    if (const auto* error = std::get_if<TimeParseError>(&parsed)) {
        return error->code;
    }
    return format_utc_time(std::get<ParsedTime>(parsed).time);
}

// Monday 2026-12-07 10:15 UTC (Lisbon: WET, UTC+0; Berlin: CET, UTC+1).
constexpr const char* monday = "2026-12-07T10:15:00Z";
constexpr const char* sunday = "2026-12-06T10:00:00Z";
constexpr const char* new_year = "2027-01-01T00:30:00Z"; // a Friday
constexpr const char* leap_day_after = "2028-03-01T12:00:00Z";

const Row rows[] = {
    // today, yesterday, either order, "at", am/pm, noon and midnight, seconds optional
    {monday, "yesterday 14:30 UTC", "", "2026-12-06T14:30:00Z"},
    {monday, "14:30 yesterday UTC", "", "2026-12-06T14:30:00Z"},
    {monday, "Yesterday at 2:30pm UTC", "", "2026-12-06T14:30:00Z"},
    {monday, "yesterday 14:30:15 UTC", "", "2026-12-06T14:30:15Z"},
    {monday, "today 9am UTC", "", "2026-12-07T09:00:00Z"},
    {monday, "today 9 am UTC", "", "2026-12-07T09:00:00Z"},
    {monday, "TODAY 09:00 utc", "", "2026-12-07T09:00:00Z"},
    {monday, "noon yesterday UTC", "", "2026-12-06T12:00:00Z"},
    {monday, "yesterday midnight UTC", "", "2026-12-06T00:00:00Z"},
    {monday, "yesterday 12am UTC", "", "2026-12-06T00:00:00Z"},
    {monday, "yesterday 12pm UTC", "", "2026-12-06T12:00:00Z"},
    {monday, "yesterday 14:30", "Europe/Berlin", "2026-12-06T13:30:00Z"},
    {monday, "yesterday 14:30 Europe/Berlin", "", "2026-12-06T13:30:00Z"},
    {monday, "yesterday 14:30 +01:00", "", "2026-12-06T13:30:00Z"},
    {monday, "yesterday 14:30 -0500", "", "2026-12-06T19:30:00Z"},
    {monday, "yesterday 14:30 Z", "Europe/Berlin", "2026-12-06T14:30:00Z"}, // the zone typed wins
    // a bare time of day: today, refused while still ahead
    {monday, "09:00 UTC", "", "2026-12-07T09:00:00Z"},
    {monday, "9:00am", "Europe/Berlin", "2026-12-07T08:00:00Z"},
    {monday, "14:30 UTC", "", "time-in-future"},
    {monday, "today 14:30 UTC", "", "time-in-future"},
    // weekdays: the latest on or before today, "last" the one before today, never ahead
    {monday, "friday 9:00 UTC", "", "2026-12-04T09:00:00Z"},
    {monday, "fri 09:00 UTC", "", "2026-12-04T09:00:00Z"},
    {monday, "last friday 9am UTC", "", "2026-12-04T09:00:00Z"},
    {monday, "monday 9am UTC", "", "2026-12-07T09:00:00Z"},
    {monday, "last monday 9am UTC", "", "2026-11-30T09:00:00Z"},
    {monday, "monday 11am UTC", "", "time-in-future"},
    {monday, "tuesday 9am UTC", "", "2026-12-01T09:00:00Z"},
    {monday, "next friday 9am UTC", "", "time-in-future"},
    {monday, "this friday 9am UTC", "", "time-in-future"},
    {sunday, "sunday 9am UTC", "", "2026-12-06T09:00:00Z"},
    {sunday, "last sunday 9am UTC", "", "2026-11-29T09:00:00Z"},
    {sunday, "saturday 23:59 UTC", "", "2026-12-05T23:59:00Z"},
    {sunday, "monday 9am UTC", "", "2026-11-30T09:00:00Z"},
    // N units ago, no zone needed
    {monday, "2 hours ago", "", "2026-12-07T08:15:00Z"},
    {monday, "90 minutes ago", "", "2026-12-07T08:45:00Z"},
    {monday, "1 day ago", "", "2026-12-06T10:15:00Z"},
    {monday, "2 weeks ago", "", "2026-11-23T10:15:00Z"},
    {monday, "30 s ago", "", "2026-12-07T10:14:30Z"},
    {monday, "hours ago", "", "time-invalid"},
    {monday, "2 fortnights ago", "", "time-invalid"},
    // a day without a year: the latest past one
    {monday, "Nov 20 14:30 UTC", "", "2026-11-20T14:30:00Z"},
    {monday, "20 Nov 14:30 UTC", "", "2026-11-20T14:30:00Z"},
    {monday, "November 20th at 2:30pm UTC", "", "2026-11-20T14:30:00Z"},
    {monday, "Dec 25 10:00 UTC", "", "2025-12-25T10:00:00Z"},
    {monday, "Dec 7 10:00 UTC", "", "2026-12-07T10:00:00Z"},
    {monday, "Dec 7 11:00 UTC", "", "2025-12-07T11:00:00Z"},
    {monday, "Nov 31 10:00 UTC", "", "time-invalid-date"},
    {monday, "Nov 20 2025 14:30 UTC", "", "2025-11-20T14:30:00Z"},
    // New Year: yesterday is last year
    {new_year, "yesterday 23:00 UTC", "", "2026-12-31T23:00:00Z"},
    {new_year, "Dec 31 23:00 UTC", "", "2026-12-31T23:00:00Z"},
    {new_year, "Jan 1 00:15 UTC", "", "2027-01-01T00:15:00Z"},
    {new_year, "Jan 1 00:45 UTC", "", "2026-01-01T00:45:00Z"},
    {new_year, "friday 9am UTC", "", "time-in-future"},
    {new_year, "last friday 9am UTC", "", "2026-12-25T09:00:00Z"},
    {new_year, "thursday 9am UTC", "", "2026-12-31T09:00:00Z"},
    // 29 February
    {leap_day_after, "yesterday 10:00 UTC", "", "2028-02-29T10:00:00Z"},
    {leap_day_after, "Feb 29 10:00 UTC", "", "2028-02-29T10:00:00Z"},
    {"2027-03-01T12:00:00Z", "Feb 29 10:00 UTC", "", "2024-02-29T10:00:00Z"},
    // Europe/Lisbon: spring forward 2026-03-29 01:00 -> 02:00, fall back 2026-10-25 02:00 -> 01:00
    {"2026-03-30T12:00:00Z", "yesterday 00:30", "Europe/Lisbon", "2026-03-29T00:30:00Z"},
    {"2026-03-30T12:00:00Z", "yesterday 01:30", "Europe/Lisbon", "time-local-gap"},
    {"2026-03-30T12:00:00Z", "yesterday 02:30", "Europe/Lisbon", "2026-03-29T01:30:00Z"},
    {"2026-10-26T12:00:00Z", "yesterday 01:30", "Europe/Lisbon", "time-local-ambiguous"},
    {"2026-10-26T12:00:00Z", "yesterday 02:30 Europe/Lisbon", "", "2026-10-25T02:30:00Z"},
    {"2026-10-26T12:00:00Z", "yesterday 00:30", "Europe/Lisbon", "2026-10-24T23:30:00Z"},
    // America/Santiago (southern): 2026-04-04 24:00 -> 23:00 (twice), 2026-09-06 00:00 -> 01:00 (gap)
    {"2026-04-06T12:00:00Z", "saturday 23:30", "America/Santiago", "time-local-ambiguous"},
    {"2026-04-06T12:00:00Z", "saturday 22:30", "America/Santiago", "2026-04-05T01:30:00Z"},
    {"2026-04-06T12:00:00Z", "yesterday 09:00", "America/Santiago", "2026-04-05T13:00:00Z"},
    {"2026-09-07T12:00:00Z", "yesterday 00:30", "America/Santiago", "time-local-gap"},
    {"2026-09-07T12:00:00Z", "yesterday 01:30", "America/Santiago", "2026-09-06T04:30:00Z"},
    // Australia/Sydney (southern): 2026-04-05 03:00 -> 02:00 (twice), 2026-10-04 02:00 -> 03:00 (gap)
    {"2026-04-06T00:00:00Z", "yesterday 02:30", "Australia/Sydney", "time-local-ambiguous"},
    {"2026-04-06T00:00:00Z", "yesterday 03:30", "Australia/Sydney", "2026-04-04T17:30:00Z"},
    {"2026-10-05T00:00:00Z", "sunday 02:30", "Australia/Sydney", "time-local-gap"},
    {"2026-10-05T00:00:00Z", "sunday 03:30", "Australia/Sydney", "2026-10-03T16:30:00Z"},
    // Sydney's "today" is already Monday while UTC is still Sunday
    {"2026-10-04T20:00:00Z", "today 06:00", "Australia/Sydney", "2026-10-04T19:00:00Z"},
    // never a guessed zone
    {monday, "yesterday 14:30", "", "time-no-zone"},
    {monday, "friday 9am", "", "time-no-zone"},
    {monday, "Nov 20 14:30", "", "time-no-zone"},
    // what could mean two things, or is not accepted at all
    {monday, "9/10 14:30 UTC", "", "time-ambiguous"},
    {monday, "10.09. 14:30 UTC", "", "time-ambiguous"},
    {monday, "Sat 2026-11-20 14:30 UTC", "", "time-ambiguous"},
    {monday, "Fri 2026-11-20 14:30 UTC", "", "2026-11-20T14:30:00Z"},
    {monday, "2025-03-31 -1 month", "", "time-invalid"},
    {monday, "1 month ago", "", "time-invalid"},
    {monday, "yesterday -2h", "", "time-invalid"},
    {monday, "tomorrow 9am UTC", "", "time-in-future"},
    {monday, "yesterday", "", "time-invalid"},
    {monday, "friday", "UTC", "time-invalid"},
    {monday, "yesterday 25:00 UTC", "", "time-out-of-range"},
    {monday, "yesterday 13pm UTC", "", "time-out-of-range"},
    {monday, "yesterday 23:59:60 UTC", "", "time-leap-second"},
    {monday, "yesterday friday 9am UTC", "", "time-invalid"},
    {monday, "last 9am UTC", "", "time-invalid"},
    {monday, "20 14:30 UTC", "", "time-invalid"},
    {monday, "Nov 14:30 UTC", "", "time-invalid"},
    {monday, "soon", "", "time-invalid"},
    // the ISO forms still read as before
    {monday, "2026-12-06T14:30:00Z", "", "2026-12-06T14:30:00Z"},
    {monday, "2026-12-06 14:30", "Europe/Berlin", "2026-12-06T13:30:00Z"},
    {monday, "now-90m", "", "2026-12-07T08:45:00Z"},
};

} // namespace

TEST_CASE("natural forms read as one exact instant, or are refused with a reason") {
    for (const auto& row : rows) {
        INFO(row.text << " (zone '" << row.zone << "', now " << row.now << ")");
        CHECK(reading(row) == row.expected);
    }
}

TEST_CASE("refusals name the candidates and what to say instead") {
    const auto message = [](const char* text, const char* now, const char* zone = "") {
        const auto parsed = parse_point_in_time(text, utc(now), zone);
        REQUIRE(std::holds_alternative<TimeParseError>(parsed));
        return std::get<TimeParseError>(parsed).message;
    };
    CHECK(message("14:30 UTC", monday)
              .starts_with("'14:30 UTC' today is still ahead (it is now 10:15 UTC): if you mean yesterday, "
                           "say yesterday 14:30"));
    CHECK(
        message("next friday 9am UTC", monday)
            .starts_with("'next friday 9am UTC' could be a day that is still ahead, and this time must have "
                         "happened: say Friday (the latest one, today included) or last Friday"));
    CHECK(message("Sat 2026-11-20 14:30 UTC", monday)
              .starts_with("'Sat 2026-11-20 14:30 UTC' names a Saturday, but 2026-11-20 is a Friday"));
    CHECK(message("9/10 14:30 UTC", monday).find("9 October") != std::string::npos);
    CHECK(message("yesterday 01:30", "2026-10-26T12:00:00Z", "Europe/Lisbon")
              .find("2026-10-25T00:30:00Z (WEST") != std::string::npos);
    CHECK(message("yesterday 14:30", monday).starts_with("'yesterday 14:30' has no time zone: add UTC"));
}

TEST_CASE("the echo says what a time was read as, unless it was a full UTC instant") {
    const auto note = [](const char* text, const char* now, const char* zone = "") {
        const auto parsed = parse_point_in_time(text, utc(now), zone);
        REQUIRE(std::holds_alternative<ParsedTime>(parsed));
        return time_reading_note(text, std::get<ParsedTime>(parsed), utc(now));
    };
    CHECK(note("friday 9am", monday, "Europe/Lisbon") ==
          "\"friday 9am\" (Europe/Lisbon) read as 2026-12-04T09:00:00Z, Friday 4 December, 09:00 WET");
    CHECK(
        note("yesterday 14:30 Europe/Berlin", monday) ==
        "\"yesterday 14:30 Europe/Berlin\" (Europe/Berlin) read as 2026-12-06T13:30:00Z, Sunday 6 December, "
        "14:30 CET");
    CHECK(note("2 hours ago", monday) ==
          "\"2 hours ago\" (UTC) read as 2026-12-07T08:15:00Z, Monday 7 December, "
          "08:15 UTC");
    CHECK(
        note("yesterday 14:30 +01:00", monday) ==
        "\"yesterday 14:30 +01:00\" (+01:00) read as 2026-12-06T13:30:00Z, Sunday 6 December, 14:30 +01:00");
    CHECK(note("Dec 25 10:00 UTC", monday) ==
          "\"Dec 25 10:00 UTC\" (UTC) read as 2025-12-25T10:00:00Z, Thursday 25 December 2025, 10:00 UTC");
    CHECK(note("2026-12-06 14:30", monday, "Europe/Berlin") ==
          "\"2026-12-06 14:30\" (Europe/Berlin) read as 2026-12-06T13:30:00Z, Sunday 6 December, 14:30 CET");
    CHECK(note("2026-12-06T14:30:00+01:00", monday) ==
          "\"2026-12-06T14:30:00+01:00\" (+01:00) read as 2026-12-06T13:30:00Z, Sunday 6 December, 14:30 "
          "+01:00");
    CHECK(note("2026-12-06T14:30:00Z", monday).empty());
    CHECK(note("2026-12-06 14:30 UTC", monday).empty());
}
