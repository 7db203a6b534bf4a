// The natural forms: words split on blanks and commas, the zone taken off the end, "N units ago" on its own,
// then a day part (today, yesterday, a weekday, a month and day) and a time of day in either order. Calendar
// arithmetic is date's; the wall time goes through local_to_utc, so a DST gap or overlap is refused as an ISO
// time's is.
#include "backup_request/time/natural_time.hpp"

#include "backup_request/text/ascii_text.hpp"
#include "backup_request/time/time_zone.hpp"

#include <algorithm>
#include <array>
#include <date/date.h>
#include <date/tz.h>
#include <optional>
#include <string>
#include <vector>

namespace backup_request {
namespace {

using namespace std::chrono_literals;

TimeParseError refusal(std::string code, const std::string& what) {
    return {std::move(code), what + "; " + std::string(natural_time_forms)};
}

bool all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<int> small_number(std::string_view text, std::size_t max_digits) {
    if (!all_digits(text) || text.size() > max_digits) {
        return std::nullopt;
    }
    int value = 0;
    for (const char c : text) {
        value = value * 10 + (c - '0');
    }
    return value;
}

// One word of the text, as typed and lower-cased.
struct Word {
    std::string_view typed;
    std::string lower;
};

std::vector<Word> split_words(std::string_view text) {
    std::vector<Word> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == ',')) {
            ++i;
        }
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != ',') {
            ++i;
        }
        if (i > start) {
            words.push_back({text.substr(start, i - start), to_lower_ascii(text.substr(start, i - start))});
        }
    }
    return words;
}

constexpr std::array<std::string_view, 7> weekday_names = {"sunday",   "monday", "tuesday", "wednesday",
                                                           "thursday", "friday", "saturday"};
constexpr std::array<std::string_view, 12> spoken_month_names = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// "fri", "friday", "weds": 0 for Sunday to 6 for Saturday.
std::optional<unsigned> weekday_named(std::string_view word) {
    for (unsigned i = 0; i < weekday_names.size(); ++i) {
        const std::string_view name = weekday_names.at(i);
        if (word == name || (word.size() >= 3 && name.starts_with(word)) || (i == 3 && word == "weds") ||
            (i == 2 && word == "tues") || (i == 4 && (word == "thur" || word == "thurs"))) {
            return i;
        }
    }
    return std::nullopt;
}

// "nov", "november", "sept": 1 to 12.
std::optional<unsigned> month_named(std::string_view word) {
    if (word.ends_with('.')) {
        word.remove_suffix(1);
    }
    for (unsigned i = 0; i < spoken_month_names.size(); ++i) {
        const std::string_view name = spoken_month_names.at(i);
        if (word == name || (word.size() >= 3 && name.starts_with(word))) {
            return i + 1;
        }
    }
    return std::nullopt;
}

// "20", "20th", "1st": a day of the month.
std::optional<unsigned> day_of_month(std::string_view word) {
    for (const std::string_view suffix : {"st", "nd", "rd", "th"}) {
        if (word.size() > suffix.size() && word.ends_with(suffix)) {
            word.remove_suffix(suffix.size());
            break;
        }
    }
    const auto day = small_number(word, 2);
    if (!day || *day < 1 || *day > 31) {
        return std::nullopt;
    }
    return static_cast<unsigned>(*day);
}

// "hours", "min", "w": the length of one unit of "N units ago".
std::optional<std::chrono::seconds> unit_length(std::string_view unit) {
    const auto is_one_of = [unit](std::initializer_list<std::string_view> names) {
        return std::find(names.begin(), names.end(), unit) != names.end();
    };
    if (is_one_of({"s", "sec", "secs", "second", "seconds"})) {
        return 1s;
    }
    if (is_one_of({"m", "min", "mins", "minute", "minutes"})) {
        return 1min;
    }
    if (is_one_of({"h", "hr", "hrs", "hour", "hours"})) {
        return 1h;
    }
    if (is_one_of({"d", "day", "days"})) {
        return 24h;
    }
    if (is_one_of({"w", "wk", "wks", "week", "weeks"})) {
        return 24h * 7;
    }
    return std::nullopt;
}

struct TimeOfDay {
    std::chrono::seconds since_midnight{};
};

// "14:30", "14:30:15", "9am", "9:30pm", "noon", "midnight"; a separate "am"/"pm" is joined by the caller.
std::variant<std::monostate, TimeOfDay, TimeParseError> time_of_day(std::string_view word,
                                                                    std::string_view typed) {
    if (word == "noon" || word == "midday") {
        return TimeOfDay{12h};
    }
    if (word == "midnight") {
        return TimeOfDay{0h};
    }
    std::string_view clock = word;
    int half = 0; // 1: am, 2: pm
    if (clock.ends_with("am") || clock.ends_with("pm")) {
        half = clock.ends_with("am") ? 1 : 2;
        clock.remove_suffix(2);
        if (clock.ends_with('.')) {
            clock.remove_suffix(1);
        }
    } else if (clock.ends_with("a.m.") || clock.ends_with("p.m.")) {
        half = clock[clock.size() - 4] == 'a' ? 1 : 2;
        clock.remove_suffix(4);
    }
    std::array<std::string_view, 3> parts{};
    std::size_t count = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= clock.size(); ++i) {
        if (i == clock.size() || clock[i] == ':') {
            if (count == parts.size()) {
                return std::monostate{};
            }
            parts.at(count++) = clock.substr(start, i - start);
            start = i + 1;
        }
    }
    if (count == 1 && half == 0) {
        return std::monostate{}; // a bare number is not a time ("20" is a day, "14" could be either)
    }
    const auto hour = small_number(parts[0], 2);
    const auto minute = count >= 2 ? small_number(parts[1], 2) : std::optional<int>(0);
    const auto second = count == 3 ? small_number(parts[2], 2) : std::optional<int>(0);
    if (!hour || !minute || !second || (count >= 2 && parts[1].size() != 2) ||
        (count == 3 && parts[2].size() != 2)) {
        return std::monostate{};
    }
    if (half != 0) {
        if (*hour < 1 || *hour > 12) {
            return refusal("time-out-of-range",
                           "the hour in " + quoted(typed) + " must be 1 to 12 with am or pm");
        }
    } else if (*hour > 23) {
        return refusal("time-out-of-range", "the hour in " + quoted(typed) + " must be 00 to 23");
    }
    if (*minute > 59) {
        return refusal("time-out-of-range", "the minute in " + quoted(typed) + " must be 00 to 59");
    }
    if (*second == 60) {
        return refusal("time-leap-second", quoted(typed) + " is a leap second, which backups cannot be "
                                                           "restored to: use :59 or the next minute");
    }
    if (*second > 59) {
        return refusal("time-out-of-range", "the second in " + quoted(typed) + " must be 00 to 59");
    }
    int hours = *hour;
    if (half == 1 && hours == 12) {
        hours = 0;
    } else if (half == 2 && hours != 12) {
        hours += 12;
    }
    return TimeOfDay{std::chrono::hours{hours} + std::chrono::minutes{*minute} +
                     std::chrono::seconds{*second}};
}

// A zone at the end: UTC, GMT, Z, +01:00, -0500, +01, or an IANA name.
struct GivenZone {
    std::optional<std::chrono::minutes> offset; // UTC and numeric offsets
    std::string name;                           // an IANA name
};

std::optional<std::chrono::minutes> numeric_offset(std::string_view word) {
    if (word.size() < 3 || (word.front() != '+' && word.front() != '-')) {
        return std::nullopt;
    }
    const bool negative = word.front() == '-';
    std::string digits;
    for (const char c : word.substr(1)) {
        if (c != ':') {
            digits += c;
        }
    }
    if (!all_digits(digits) || (digits.size() != 2 && digits.size() != 4) ||
        (word.find(':') != std::string_view::npos && word.size() != 6)) {
        return std::nullopt;
    }
    const int hours = (digits[0] - '0') * 10 + (digits[1] - '0');
    const int minutes = digits.size() == 4 ? (digits[2] - '0') * 10 + (digits[3] - '0') : 0;
    if (hours > 23 || minutes > 59) {
        return std::nullopt;
    }
    const std::chrono::minutes offset = std::chrono::hours{hours} + std::chrono::minutes{minutes};
    return negative ? -offset : offset;
}

std::optional<GivenZone> zone_word(const Word& word) {
    if (word.lower == "utc" || word.lower == "z" || word.lower == "gmt") {
        return GivenZone{0min, {}};
    }
    if (const auto offset = numeric_offset(word.lower)) {
        return GivenZone{*offset, {}};
    }
    if (word.typed.find('/') != std::string_view::npos && is_known_time_zone(word.typed)) {
        return GivenZone{std::nullopt, std::string(word.typed)};
    }
    return std::nullopt;
}

date::weekday weekday_of(date::sys_days day) {
    return date::weekday{day};
}

std::string title_case(std::string_view word) {
    std::string out(word);
    if (!out.empty() && out.front() >= 'a' && out.front() <= 'z') {
        out.front() = static_cast<char>(out.front() - 'a' + 'A');
    }
    return out;
}

std::string weekday_title(unsigned index) {
    return title_case(weekday_names.at(index));
}

// What the words name as a day, relative to `today` (the local date now).
struct DayPart {
    std::optional<date::sys_days> day; // none: no day was named (a bare time of day)
    std::optional<TimeParseError> error;
};

std::optional<TimeParseError> numeric_date_refusal(const Word& word) {
    // 9/10, 10.09., 10-09: day and month in an order that differs by country.
    const std::string_view text = word.lower;
    const auto separator = text.find_first_of("/.");
    if (separator == std::string_view::npos || separator == 0) {
        return std::nullopt;
    }
    const bool numeric = std::all_of(text.begin(), text.end(),
                                     [](char c) { return (c >= '0' && c <= '9') || c == '/' || c == '.'; });
    if (!numeric || text.find_first_of("0123456789", separator) == std::string_view::npos) {
        return std::nullopt;
    }
    return refusal("time-ambiguous", quoted(word.typed) +
                                         " could be day/month or month/day (9/10 is 9 October in most of "
                                         "the world and September 10 in the US): write the date as "
                                         "2026-10-09, or as Oct 9");
}

// The most recent `month`/`day` at `time` of day not after now (local dates): this year's, or an earlier one.
std::optional<date::sys_days> latest_month_day(unsigned month, unsigned day, date::sys_days today,
                                               std::chrono::seconds time, std::chrono::seconds now_of_day) {
    const date::year_month_day current{today};
    for (int back = 0; back <= 8; ++back) { // 29 February comes back within 8 years
        const date::year_month_day candidate{current.year() - date::years{back}, date::month{month},
                                             date::day{day}};
        if (!candidate.ok()) {
            continue;
        }
        const date::sys_days found{candidate};
        if (found < today || (found == today && time <= now_of_day)) {
            return found;
        }
    }
    return std::nullopt;
}

struct Reading {
    std::optional<GivenZone> zone;
    std::optional<TimeOfDay> time;
    std::optional<date::sys_days> day;
    bool bare_time = false; // no day named: today
    std::string day_words;  // "yesterday", "friday": for messages
};

} // namespace

TimeParseResult parse_natural_time(std::string_view original, sys_seconds now, std::string_view time_zone) {
    const std::string_view text = trim_blanks(original);
    std::vector<Word> words = split_words(text);
    if (words.empty()) {
        return refusal("time-empty", "the time is empty");
    }
    // Month and year arithmetic is refused outright: months differ in length (2025-03-31 -1 month is not a
    // date; GNU date says 3 March).
    for (const auto& word : words) {
        const std::string_view w = word.lower;
        if (w == "month" || w == "months" || w == "year" || w == "years" || w == "mon" || w == "mons") {
            return refusal("time-invalid",
                           quoted(text) + " counts in months or years, which differ in length: give the date "
                                          "itself (like 2026-11-20 14:30 UTC), or count in days or weeks");
        }
    }
    // "N units ago": an instant, no zone needed.
    if (words.back().lower == "ago") {
        if (words.size() != 3) {
            return refusal("time-invalid", "expected a number and a unit before 'ago' in " + quoted(text) +
                                               ", like 2 hours ago");
        }
        const auto amount = small_number(words[0].lower, 6);
        const std::string_view unit = words[1].lower;
        const auto step = unit_length(unit);
        if (!amount || !step) {
            return refusal("time-invalid",
                           "expected a whole number and a unit (seconds, minutes, hours, days "
                           "or weeks) before 'ago' in " +
                               quoted(text) + ", like 90 minutes ago");
        }
        ParsedTime parsed{now - *amount * *step};
        parsed.relative = true;
        return parsed;
    }

    Reading reading;
    if (auto given = zone_word(words.back()); given && words.size() > 1) {
        reading.zone = std::move(given);
        words.pop_back();
    }
    std::vector<Word> rest;
    std::optional<unsigned> weekday;
    std::string weekday_qualifier; // "last", "this", "next"
    std::optional<unsigned> month;
    std::optional<unsigned> day_number;
    std::optional<int> year_number;
    std::optional<date::year_month_day> iso_date;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Word& word = words[i];
        const std::string_view w = word.lower;
        if (w == "at" || w == "on" || w == "the" || w == "of") {
            continue;
        }
        // "9 am", "9:30 pm": the half of the day as its own word.
        if ((w == "am" || w == "pm" || w == "a.m." || w == "p.m.") && i > 0 && !reading.time) {
            return refusal("time-invalid", "expected a time of day before " + quoted(word.typed) + " in " +
                                               quoted(text) + ", like 9am");
        }
        if (i + 1 < words.size() && (words[i + 1].lower == "am" || words[i + 1].lower == "pm" ||
                                     words[i + 1].lower == "a.m." || words[i + 1].lower == "p.m.")) {
            const std::string joined = word.lower + words[i + 1].lower;
            auto time = time_of_day(joined, text);
            if (auto* error = std::get_if<TimeParseError>(&time)) {
                return *error;
            }
            if (auto* found = std::get_if<TimeOfDay>(&time); found != nullptr && !reading.time) {
                reading.time = *found;
                ++i;
                continue;
            }
        }
        if (!reading.time) {
            auto time = time_of_day(w, word.typed);
            if (auto* error = std::get_if<TimeParseError>(&time)) {
                return *error;
            }
            if (auto* found = std::get_if<TimeOfDay>(&time)) {
                reading.time = *found;
                continue;
            }
        }
        if (w == "today" || w == "yesterday") {
            if (reading.day || weekday || month) {
                return refusal("time-invalid", quoted(text) + " names two days");
            }
            reading.day_words = w;
            continue;
        }
        if (w == "tomorrow" || w == "tonight") {
            return refusal("time-in-future", quoted(text) +
                                                 " is still ahead, and this time must have happened: "
                                                 "say yesterday or today with a time");
        }
        if (w == "last" || w == "this" || w == "next") {
            weekday_qualifier = w;
            continue;
        }
        if (const auto named = weekday_named(w)) {
            if (weekday) {
                return refusal("time-invalid", quoted(text) + " names two weekdays");
            }
            weekday = named;
            continue;
        }
        if (const auto named = month_named(w)) {
            month = named;
            continue;
        }
        if (auto refused = numeric_date_refusal(word)) {
            return *refused;
        }
        if (w.size() == 10 && w[4] == '-' && w[7] == '-') {
            const auto y = small_number(w.substr(0, 4), 4);
            const auto m = small_number(w.substr(5, 2), 2);
            const auto d = small_number(w.substr(8, 2), 2);
            if (y && m && d) {
                iso_date = date::year_month_day{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                                                date::day{static_cast<unsigned>(*d)}};
                if (!iso_date->ok()) {
                    return refusal("time-invalid-date", quoted(word.typed) + " is not a real date");
                }
                continue;
            }
        }
        if (w.size() == 4 && all_digits(w) && month) {
            year_number = *small_number(w, 4);
            continue;
        }
        if (const auto number = day_of_month(w); number && !day_number) {
            day_number = number;
            continue;
        }
        if (w.starts_with('+') || w.starts_with('-')) {
            return refusal("time-invalid",
                           "arithmetic like " + quoted(word.typed) + " in " + quoted(text) +
                               " is not accepted: count back with 2 hours ago or now-2h, or give "
                               "the date");
        }
        rest.push_back(word);
    }
    if (!rest.empty()) {
        if (rest.front().typed.find('/') != std::string_view::npos) {
            if (auto unknown = check_time_zone(rest.front().typed)) { // with the closest names
                return *unknown;
            }
        }
        return refusal("time-invalid", quoted(rest.front().typed) + " in " + quoted(text) +
                                           " is not a date, a time of day or a zone");
    }
    if (!weekday_qualifier.empty() && !weekday) {
        return refusal("time-invalid", "'" + weekday_qualifier + "' in " + quoted(text) +
                                           " needs a weekday after it, like last friday 9am");
    }
    if (weekday_qualifier == "this" || weekday_qualifier == "next") {
        return refusal("time-in-future",
                       quoted(text) +
                           " could be a day that is still ahead, and this time must have happened: say " +
                           weekday_title(*weekday) + " (the latest one, today included) or last " +
                           weekday_title(*weekday) + " (the one before today)");
    }
    if (!reading.time) {
        return refusal("time-invalid", quoted(text) + " has no time of day: add one, like " +
                                           (text.size() > 40 ? std::string("yesterday") : std::string(text)) +
                                           " 14:30");
    }
    if (day_number && !month) {
        return refusal("time-invalid", "the day " + std::to_string(*day_number) + " in " + quoted(text) +
                                           " needs its month, like Nov " + std::to_string(*day_number));
    }
    if (month && !day_number) {
        return refusal("time-invalid", quoted(text) + " names a month but no day of it, like Nov 20");
    }
    if (year_number && iso_date) {
        return refusal("time-invalid", quoted(text) + " names two dates");
    }

    // The zone: the one typed at the end, else the one in force, else none (refused: never guessed).
    std::string zone_name;
    std::optional<std::chrono::minutes> offset;
    if (reading.zone) {
        zone_name = reading.zone->name;
        offset = reading.zone->offset;
    } else if (!time_zone.empty()) {
        zone_name = std::string(time_zone);
    } else {
        return refusal("time-no-zone",
                       quoted(text) + " has no time zone: add UTC (like " + std::string(text) +
                           " UTC), an offset (like +01:00) or a zone name (like Europe/Lisbon), or give "
                           "--timezone Area/City");
    }
    // Today's local date, and the time of day now, in that zone.
    date::local_seconds local_now{};
    if (offset) {
        local_now = date::local_seconds{(now + *offset).time_since_epoch()};
    } else {
        try {
            local_now = date::locate_zone(zone_name)->to_local(now);
        } catch (const std::exception&) {
            return *check_time_zone(zone_name);
        }
    }
    const auto today_local = date::floor<date::days>(local_now);
    const date::sys_days today{today_local.time_since_epoch()};
    const std::chrono::seconds now_of_day = local_now - today_local;

    date::sys_days day = today;
    if (reading.day_words == "yesterday") {
        day = today - date::days{1};
    }
    if (weekday) {
        // DAY: the latest such day, today included; last DAY: the latest before today. Never ahead.
        const auto wanted = date::weekday{*weekday};
        if (iso_date || month) {
            // A weekday beside a date must be that date's weekday.
            day = iso_date ? date::sys_days{*iso_date} : today;
        } else if (!reading.day_words.empty()) {
            return refusal("time-invalid", quoted(text) + " names two days");
        } else {
            auto back = (weekday_of(today) - wanted).count();
            if (weekday_qualifier == "last" && back == 0) {
                back = 7;
            }
            day = today - date::days{back};
        }
    } else if (!weekday_qualifier.empty()) {
        return refusal("time-invalid", quoted(text) + " needs a weekday after '" + weekday_qualifier + "'");
    }
    if (iso_date) {
        day = date::sys_days{*iso_date};
    } else if (month) {
        if (year_number) {
            const date::year_month_day named{date::year{*year_number}, date::month{*month},
                                             date::day{*day_number}};
            if (!named.ok()) {
                return refusal("time-invalid-date", quoted(text) + " is not a real date");
            }
            day = date::sys_days{named};
        } else {
            const auto found =
                latest_month_day(*month, *day_number, today, reading.time->since_midnight, now_of_day);
            if (!found) {
                return refusal("time-invalid-date", quoted(text) + " is not a real date");
            }
            day = *found;
        }
    }
    if (weekday && (iso_date || month) && weekday_of(day) != date::weekday{*weekday}) {
        const auto actual = weekday_of(day).c_encoding();
        return refusal("time-ambiguous", quoted(text) + " names a " + weekday_title(*weekday) + ", but " +
                                             date::format("%F", day) + " is a " + weekday_title(actual) +
                                             ": say which you mean, the date (" + date::format("%F", day) +
                                             ") or the weekday (" + weekday_title(*weekday) + ")");
    }
    const bool bare_time = reading.day_words.empty() && !weekday && !month && !iso_date;
    if (bare_time && reading.time->since_midnight > now_of_day) {
        const auto wall = date::local_seconds{today_local + reading.time->since_midnight};
        const std::string clock = date::format("%H:%M", wall);
        return refusal("time-in-future", quoted(text) + " today is still ahead (it is now " +
                                             date::format("%H:%M", local_now) +
                                             (zone_name.empty() ? std::string(" UTC") : " in " + zone_name) +
                                             "): if you mean yesterday, say yesterday " + clock);
    }
    const date::local_seconds wall{date::local_days{day.time_since_epoch()} + reading.time->since_midnight};
    if (day == today && !iso_date && !month && reading.time->since_midnight > now_of_day) {
        // "today 14:30" or "monday 14:30" on a Monday morning: the day is today, the time still ahead.
        const std::string clock = date::format("%H:%M", wall);
        return refusal("time-in-future",
                       quoted(text) + " is later today, still ahead (it is now " +
                           date::format("%H:%M", local_now) +
                           (zone_name.empty() ? std::string(" UTC") : " in " + zone_name) + "): say " +
                           (weekday ? "last " + weekday_title(*weekday) : std::string("yesterday")) + " " +
                           clock + " for the one before");
    }
    ParsedTime parsed;
    parsed.relative = true;
    if (offset) {
        parsed.time = sys_seconds{wall.time_since_epoch()} - *offset;
        if (*offset != std::chrono::minutes::zero()) {
            parsed.offset = *offset;
        }
        return parsed;
    }
    auto converted = local_to_utc(wall, zone_name, text);
    if (auto* error = std::get_if<TimeParseError>(&converted)) {
        return std::move(*error);
    }
    parsed.time = std::get<sys_seconds>(converted);
    parsed.local_wall = sys_seconds{wall.time_since_epoch()};
    parsed.local_zone = zone_name;
    return parsed;
}

std::string time_reading_note(std::string_view text, const ParsedTime& parsed, sys_seconds now) {
    if (parsed.exact_utc) {
        return {};
    }
    const std::string zone_label = !parsed.local_zone.empty() ? parsed.local_zone
                                   : parsed.offset            ? format_utc_offset(*parsed.offset)
                                                              : "UTC";
    std::string local;
    const auto describe = [&](date::local_seconds wall, const std::string& abbreviation) {
        const auto day = date::floor<date::days>(wall);
        const date::year_month_day ymd{day};
        const date::year_month_day today{date::floor<date::days>(now)};
        std::string out = weekday_title(date::weekday{day}.c_encoding()) + " " +
                          std::to_string(static_cast<unsigned>(ymd.day())) + " " +
                          title_case(spoken_month_names.at(static_cast<unsigned>(ymd.month()) - 1));
        if (ymd.year() != today.year()) {
            out += " " + std::to_string(static_cast<int>(ymd.year()));
        }
        return out + ", " + date::format("%H:%M", wall) + (abbreviation.empty() ? "" : " " + abbreviation);
    };
    if (!parsed.local_zone.empty()) {
        try {
            const auto* zone = date::locate_zone(parsed.local_zone);
            const auto info = zone->get_info(parsed.time);
            local =
                describe(date::local_seconds{(parsed.time + info.offset).time_since_epoch()}, info.abbrev);
        } catch (const std::exception&) {
            local = describe(date::local_seconds{parsed.time.time_since_epoch()}, "UTC");
        }
    } else if (parsed.offset) {
        local = describe(date::local_seconds{(parsed.time + *parsed.offset).time_since_epoch()}, zone_label);
    } else {
        local = describe(date::local_seconds{parsed.time.time_since_epoch()}, "UTC");
    }
    return "\"" + std::string(text) + "\" (" + zone_label + ") read as " + format_utc_time(parsed.time) +
           ", " + local;
}

} // namespace backup_request
