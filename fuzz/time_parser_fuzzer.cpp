// libFuzzer target: the time parser, with and without a zone. Accepted times must print and read back the
// same.
#include "backup_request/time/utc_time.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

namespace {

using namespace backup_request;

const sys_seconds now{std::chrono::seconds{1'795'176'000}}; // 2026-11-20T12:00:00Z

void check_round_trip(const TimeParseResult& result) {
    const auto* parsed = std::get_if<ParsedTime>(&result);
    if (parsed == nullptr) {
        return;
    }
    const std::string text = format_utc_time(parsed->time);
    const auto again = parse_absolute_time(text);
    const auto* reparsed = std::get_if<ParsedTime>(&again);
    if (text.size() != 20 || reparsed == nullptr || reparsed->time != parsed->time) {
        __builtin_trap();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    // The first byte picks the zone, so one corpus covers UTC-only and local-time parsing.
    const std::string_view zones[] = {"", "America/New_York", "Australia/Sydney", "Europe/Lisbon",
                                      "Asia/Kolkata"};
    const std::string_view zone = zones[data[0] % 5];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    check_round_trip(parse_point_in_time(text, now, zone));
    check_round_trip(parse_absolute_time(text));
    return 0;
}
