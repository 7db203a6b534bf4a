// A strict scanner for the accepted time forms; calendar checks and arithmetic are date's (year_month_day).
//
// The scanner is written out rather than built on date::parse because every way a time can be wrong needs
// its own message (no zone, leap second, trailing text), and because it runs once per draft in batches.
#include "backup_request/time/utc_time.hpp"

#include "backup_request/text/ascii_text.hpp"
#include "backup_request/time/natural_time.hpp"
#include "backup_request/time/time_zone.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <date/date.h>
#include <optional>

namespace backup_request {
namespace {

using namespace std::chrono_literals;

TimeParseError failure(std::string code, std::string_view what) {
    std::string message(what);
    message += "; ";
    message += accepted_time_forms;
    return {std::move(code), std::move(message)};
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Reads a fixed number of digits, or nothing.
class Scanner {
  public:
    explicit Scanner(std::string_view text) : text_(text) {}

    [[nodiscard]] bool at_end() const { return pos_ == text_.size(); }
    [[nodiscard]] char peek() const { return at_end() ? '\0' : text_[pos_]; }
    [[nodiscard]] std::string_view rest() const { return text_.substr(pos_); }
    void advance(std::size_t n = 1) { pos_ += n; }

    bool take(char c) {
        if (!at_end() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }

    std::optional<int> fixed_digits(std::size_t count) {
        if (text_.size() - pos_ < count) {
            return std::nullopt;
        }
        int value = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const char c = text_[pos_ + i];
            if (!is_digit(c)) {
                return std::nullopt;
            }
            value = value * 10 + (c - '0');
        }
        pos_ += count;
        return value;
    }

  private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

constexpr std::array<std::string_view, 12> display_month_names = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

TimeParseResult parse_relative(std::string_view text, sys_seconds now) {
    // text starts with "now" (any case)
    std::string_view rest = trim_blanks(text.substr(3));
    if (rest.empty()) {
        ParsedTime parsed{now};
        parsed.relative = true;
        return parsed;
    }
    if (rest.front() == '+') {
        return failure("time-invalid", "relative times count back from now, so " + quoted(text) +
                                           " is in the future: use a minus sign, like now-2h");
    }
    if (rest.front() != '-') {
        return failure("time-invalid", "unexpected text after 'now' in " + quoted(text));
    }
    rest = trim_blanks(rest.substr(1));
    std::size_t digits = 0;
    long long amount = 0;
    while (digits < rest.size() && is_digit(rest[digits])) {
        if (digits == 9) {
            return failure("time-invalid", "the amount in " + quoted(text) + " is too large");
        }
        amount = amount * 10 + (rest[digits] - '0');
        ++digits;
    }
    if (digits == 0) {
        return failure("time-invalid", "expected a number after 'now-' in " + quoted(text) + ", like now-2h");
    }
    const std::string_view unit = trim_blanks(rest.substr(digits));
    std::chrono::seconds step{};
    if (unit == "s") {
        step = 1s;
    } else if (unit == "m") {
        step = 1min;
    } else if (unit == "h") {
        step = 1h;
    } else if (unit == "d") {
        step = 24h;
    } else if (unit == "w") {
        step = 24h * 7;
    } else {
        return failure("time-invalid", "unknown unit " + quoted(unit) + " in " + quoted(text) +
                                           ": use s, m, h, d or w, like now-90m");
    }
    ParsedTime parsed{now - amount * step};
    parsed.relative = true;
    return parsed;
}

// After the time of day: Z, +HH:MM, -HH:MM, +HHMM, or UTC (with or without a space before it).
struct ZoneOffset {
    std::chrono::minutes offset{0};
};

std::variant<ZoneOffset, TimeParseError> parse_zone(Scanner& scan, std::string_view text) {
    if (scan.at_end()) {
        return failure("time-no-zone",
                       quoted(text) + " has no time zone: add Z for UTC (like 2026-11-20T14:30:00Z), an "
                                      "offset (like -05:00), or give --timezone Area/City for a local time");
    }
    // "14:30:00 Z" and "14:30:00 +00" are as clear as without the space.
    if (scan.rest().size() > 1 && scan.peek() == ' ' &&
        std::string_view("Zz+-").find(scan.rest()[1]) != std::string_view::npos) {
        scan.advance();
    }
    if (scan.take('Z') || scan.take('z')) {
        return ZoneOffset{};
    }
    if (scan.peek() == '+' || scan.peek() == '-') {
        const bool negative = scan.peek() == '-';
        scan.advance();
        const auto hours = scan.fixed_digits(2);
        if (!hours) {
            return failure("time-invalid", "the offset in " + quoted(text) + " must be +HH:MM or -HH:MM");
        }
        // "+00" and "+05" (PostgreSQL's output) are whole hours.
        const auto minutes = scan.at_end() ? std::optional<int>(0) : (scan.take(':'), scan.fixed_digits(2));
        if (!minutes) {
            return failure("time-invalid", "the offset in " + quoted(text) + " must be +HH:MM or -HH:MM");
        }
        if (*hours > 23 || *minutes > 59) {
            return failure("time-out-of-range",
                           "the offset in " + quoted(text) + " is out of range (at most 23:59)");
        }
        const std::chrono::minutes offset = std::chrono::hours{*hours} + std::chrono::minutes{*minutes};
        return ZoneOffset{negative ? -offset : offset};
    }
    const std::string_view rest = scan.rest();
    const std::size_t skip = rest.front() == ' ' ? 1 : 0;
    const std::string_view zone = rest.substr(skip);
    if (equals_ignoring_case(zone, "UTC")) {
        scan.advance(rest.size());
        return ZoneOffset{};
    }
    if (!zone.empty() && std::isalpha(static_cast<unsigned char>(zone.front())) != 0) {
        return failure("time-no-zone",
                       "the zone " + quoted(zone) + " in " + quoted(text) +
                           " is not accepted: write the time in UTC with Z, or give an offset "
                           "like -05:00");
    }
    return failure("time-invalid", "unexpected text " + quoted(rest) + " after the time in " + quoted(text));
}

struct DateTimeFields {
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    bool subseconds = false;
};

// Digits after the decimal point; whether any of them is not zero (".000" loses nothing).
std::variant<bool, TimeParseError> scan_fraction(Scanner& scan, std::string_view text) {
    if (!is_digit(scan.peek())) {
        return failure("time-invalid", "expected digits after the decimal point in " + quoted(text));
    }
    bool nonzero = false;
    while (is_digit(scan.peek())) {
        nonzero = nonzero || scan.peek() != '0';
        scan.advance();
    }
    return nonzero;
}

// SS[.fraction], into `fields`: the same in both forms.
std::optional<TimeParseError> scan_seconds(Scanner& scan, std::string_view text, DateTimeFields& fields) {
    const auto second = scan.fixed_digits(2);
    if (!second) {
        return failure("time-invalid", "expected two digits of seconds in " + quoted(text));
    }
    fields.second = *second;
    if (scan.take('.') || scan.take(',')) {
        auto fraction = scan_fraction(scan, text);
        if (auto* error = std::get_if<TimeParseError>(&fraction)) {
            return std::move(*error);
        }
        fields.subseconds = std::get<bool>(fraction);
    }
    return std::nullopt;
}

// ISO 8601's basic form, YYYYMMDDTHHMM[SS[.fraction]], after its year.
std::variant<DateTimeFields, TimeParseError> scan_basic_date_time(Scanner& scan, std::string_view text,
                                                                  int year) {
    DateTimeFields fields;
    const auto month = scan.fixed_digits(2);
    const auto day = month ? scan.fixed_digits(2) : std::nullopt;
    if (!day || !(scan.take('T') || scan.take('t'))) {
        return failure("time-invalid", quoted(text) + " is not a date and time (in the basic form, write "
                                                      "20261120T143000Z)");
    }
    const auto hour = scan.fixed_digits(2);
    const auto minute = hour ? scan.fixed_digits(2) : std::nullopt;
    if (!minute) {
        return failure("time-invalid", "expected the time of day as HHMM or HHMMSS in " + quoted(text));
    }
    fields = {year, *month, *day, *hour, *minute, 0, false};
    if (is_digit(scan.peek())) {
        if (auto error = scan_seconds(scan, text, fields)) {
            return std::move(*error);
        }
    }
    return fields;
}

// YYYY-MM-DD, then T, t or a space, then HH:MM[:SS[.fraction]]; or the basic form YYYYMMDDTHHMMSS.
std::variant<DateTimeFields, TimeParseError> scan_date_time(Scanner& scan, std::string_view text) {
    DateTimeFields fields;
    const auto year = scan.fixed_digits(4);
    if (year && is_digit(scan.peek())) {
        return scan_basic_date_time(scan, text, *year);
    }
    const auto month = year && scan.take('-') ? scan.fixed_digits(2) : std::nullopt;
    const auto day = month && scan.take('-') ? scan.fixed_digits(2) : std::nullopt;
    if (!day) {
        return failure("time-invalid", quoted(text) + " is not a date and time");
    }
    if (scan.at_end()) {
        return failure("time-invalid", quoted(text) + " has a date but no time of day: add one, like " +
                                           std::string(text) + "T14:30:00Z");
    }
    if (!(scan.take('T') || scan.take('t') || scan.take(' '))) {
        return failure("time-invalid",
                       "expected 'T' or a space between the date and the time in " + quoted(text));
    }
    const auto hour = scan.fixed_digits(2);
    const auto minute = hour && scan.take(':') ? scan.fixed_digits(2) : std::nullopt;
    if (!minute) {
        return failure("time-invalid", "expected the time of day as HH:MM or HH:MM:SS in " + quoted(text));
    }
    fields = {*year, *month, *day, *hour, *minute, 0, false};
    if (scan.take(':')) {
        if (auto error = scan_seconds(scan, text, fields)) {
            return std::move(*error);
        }
    }
    return fields;
}

std::optional<TimeParseError> check_ranges(const DateTimeFields& f, std::string_view text) {
    if (f.month < 1 || f.month > 12) {
        return failure("time-out-of-range", "the month in " + quoted(text) + " must be 01 to 12");
    }
    const date::year_month_day ymd{date::year{f.year}, date::month{static_cast<unsigned>(f.month)},
                                   date::day{static_cast<unsigned>(f.day)}};
    if (!ymd.ok()) {
        const auto last = date::year_month_day_last{ymd.year(), date::month_day_last{ymd.month()}}.day();
        return failure("time-invalid-date",
                       quoted(text) + " is not a real date: " +
                           std::string(display_month_names.at(static_cast<std::size_t>(f.month - 1))) + " " +
                           std::to_string(f.year) + " has " + std::to_string(static_cast<unsigned>(last)) +
                           " days");
    }
    if (f.hour > 23) {
        return failure("time-out-of-range", "the hour in " + quoted(text) + " must be 00 to 23");
    }
    if (f.minute > 59) {
        return failure("time-out-of-range", "the minute in " + quoted(text) + " must be 00 to 59");
    }
    if (f.second == 60) {
        return failure("time-leap-second", quoted(text) +
                                               " is a leap second, which backups cannot be restored to: "
                                               "use :59 or the next minute");
    }
    if (f.second > 59) {
        return failure("time-out-of-range", "the second in " + quoted(text) + " must be 00 to 59");
    }
    return std::nullopt;
}

date::local_seconds local_time_of(const DateTimeFields& f) {
    const date::year_month_day ymd{date::year{f.year}, date::month{static_cast<unsigned>(f.month)},
                                   date::day{static_cast<unsigned>(f.day)}};
    return date::local_days{ymd} + std::chrono::hours{f.hour} + std::chrono::minutes{f.minute} +
           std::chrono::seconds{f.second};
}

TimeParseResult parse_local(const DateTimeFields& fields, std::string_view text, std::string_view time_zone) {
    if (auto error = check_ranges(fields, text)) {
        return std::move(*error);
    }
    const auto local = local_time_of(fields);
    auto converted = local_to_utc(local, time_zone, text);
    if (auto* error = std::get_if<TimeParseError>(&converted)) {
        return std::move(*error);
    }
    ParsedTime parsed{std::get<sys_seconds>(converted)};
    parsed.subseconds_dropped = fields.subseconds;
    parsed.local_wall = sys_seconds{local.time_since_epoch()};
    parsed.local_zone = std::string(time_zone);
    return parsed;
}

TimeParseResult parse_absolute(std::string_view original, std::string_view time_zone) {
    const std::string_view text = trim_blanks(original);
    Scanner scan(text);
    auto scanned = scan_date_time(scan, text);
    if (auto* error = std::get_if<TimeParseError>(&scanned)) {
        return std::move(*error);
    }
    const auto& fields = std::get<DateTimeFields>(scanned);
    if (scan.at_end() && !time_zone.empty()) {
        return parse_local(fields, text, time_zone);
    }
    auto zone = parse_zone(scan, text);
    if (auto* error = std::get_if<TimeParseError>(&zone)) {
        return std::move(*error);
    }
    if (!scan.at_end()) {
        return failure("time-invalid",
                       "unexpected text " + quoted(scan.rest()) + " after the time in " + quoted(text));
    }
    if (auto error = check_ranges(fields, text)) {
        return std::move(*error);
    }
    const sys_seconds wall{local_time_of(fields).time_since_epoch()};
    const auto offset = std::get<ZoneOffset>(zone).offset;
    ParsedTime parsed{wall - offset};
    parsed.subseconds_dropped = fields.subseconds;
    if (offset == std::chrono::minutes::zero()) {
        parsed.exact_utc = true; // nothing to echo, so no zone to name: the usual draft copies no string here
    } else {
        parsed.offset = offset;
    }
    return parsed;
}

// Times outside the years 0000-9999 cannot be written back in the payload's fixed form. Checked in place, so
// the usual draft's time is not moved once more (validate's hot path).
void keep_to_printable_years(TimeParseResult& result, std::string_view text) {
    const auto* parsed = std::get_if<ParsedTime>(&result);
    constexpr auto first = date::sys_days{date::year{0} / 1 / 1};
    constexpr auto last = date::sys_days{date::year{9999} / 12 / 31} + std::chrono::hours{24};
    if (parsed != nullptr && (parsed->time < first || parsed->time >= last)) {
        result = failure("time-out-of-range", quoted(text) + " is outside the years 0000 to 9999");
    }
}

TimeParseResult within_printable_years(TimeParseResult result, std::string_view text) {
    keep_to_printable_years(result, text);
    return result;
}

bool names_months_or_years(std::string_view text) {
    const std::string lower = to_lower_ascii(text);
    return lower.find("month") != std::string::npos || lower.find("year") != std::string::npos;
}

bool starts_with_year(std::string_view text) {
    return text.size() >= 4 && is_digit(text[0]) && is_digit(text[1]) && is_digit(text[2]) &&
           is_digit(text[3]);
}

// A time that starts with its year: ISO, or "2025-03-31 -1 month", which the words' reader refuses with the
// reason. One named result, so the usual draft's time is built in place, not moved (validate's hot path).
TimeParseResult parse_from_year(std::string_view trimmed, sys_seconds now, std::string_view time_zone) {
    TimeParseResult result = parse_absolute(trimmed, time_zone);
    keep_to_printable_years(result, trimmed);
    if (std::holds_alternative<TimeParseError>(result) && names_months_or_years(trimmed)) {
        result = parse_natural_time(trimmed, now, time_zone);
    }
    return result;
}

bool starts_with_now(std::string_view text) {
    return text.size() >= 3 && equals_ignoring_case(text.substr(0, 3), "now");
}

} // namespace

TimeParseResult parse_point_in_time(std::string_view text, sys_seconds now, std::string_view time_zone) {
    const std::string_view trimmed = trim_blanks(text);
    if (trimmed.empty()) {
        return failure("time-empty", "the time is empty");
    }
    if (starts_with_now(trimmed)) {
        return within_printable_years(parse_relative(trimmed, now), trimmed);
    }
    // An ISO date starts with its four-digit year; anything else is read as words (natural_time.cpp). The
    // drafts of a batch hold ISO times, so they never reach the natural reader.
    if (!starts_with_year(trimmed)) {
        return within_printable_years(parse_natural_time(trimmed, now, time_zone), trimmed);
    }
    return parse_from_year(trimmed, now, time_zone);
}

TimeParseResult parse_absolute_time(std::string_view text) {
    const std::string_view trimmed = trim_blanks(text);
    if (trimmed.empty()) {
        return failure("time-empty", "the time is empty");
    }
    if (starts_with_now(trimmed)) {
        return failure("time-invalid", quoted(trimmed) + " is relative; this needs an absolute time");
    }
    return within_printable_years(parse_absolute(trimmed, {}), trimmed);
}

std::string format_utc_offset(std::chrono::minutes offset) {
    const auto minutes = static_cast<int>(std::chrono::abs(offset).count() % (24 * 60));
    std::array<char, 16> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%c%02d:%02d",
                  offset < std::chrono::minutes::zero() ? '-' : '+', minutes / 60, minutes % 60);
    return buffer.data();
}

std::string format_utc_time(sys_seconds time) {
    const auto day = date::floor<date::days>(time);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss hms{time - day};
    const int year = static_cast<int>(ymd.year());
    if (year < 0 || year > 9999) { // outside what the digits below hold; never a time the rules accept
        std::array<char, 40> buffer{};
        const int written =
            std::snprintf(buffer.data(), buffer.size(), "%04d-%02u-%02uT%02d:%02d:%02dZ", year,
                          static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                          static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                          static_cast<int>(hms.seconds().count()));
        return {buffer.data(), static_cast<std::size_t>(written)};
    }
    // Digits written directly, not through snprintf: a batch's messages hold several times per draft.
    std::string out = "0000-00-00T00:00:00Z";
    const auto put = [&out](std::size_t at, int value, int width) {
        for (int k = width - 1; k >= 0; --k) {
            out[at + static_cast<std::size_t>(k)] = static_cast<char>('0' + value % 10);
            value /= 10;
        }
    };
    put(0, year, 4);
    put(5, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
    put(8, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
    put(11, static_cast<int>(hms.hours().count()), 2);
    put(14, static_cast<int>(hms.minutes().count()), 2);
    put(17, static_cast<int>(hms.seconds().count()), 2);
    return out;
}

std::string format_wall_time(sys_seconds wall) {
    std::string out = format_utc_time(wall);
    out.pop_back(); // the Z: a wall time is not an instant
    return out;
}

} // namespace backup_request
