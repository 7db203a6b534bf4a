// Spells a duration out in days, hours, minutes and seconds, leaving out the units that are zero.
#include "backup_request/time/duration_text.hpp"

#include <date/date.h>

namespace backup_request {
namespace {

void append_unit(std::string& text, long long amount, const char* unit) {
    if (amount == 0) {
        return;
    }
    if (!text.empty()) {
        text += ' ';
    }
    text += std::to_string(amount);
    text += ' ';
    text += unit;
    if (amount != 1) {
        text += 's';
    }
}

} // namespace

std::string duration_text(std::chrono::seconds duration) {
    if (duration < std::chrono::seconds::zero()) {
        duration = -duration;
    }
    const auto days = std::chrono::floor<date::days>(duration);
    const date::hh_mm_ss rest{duration - days};
    std::string text;
    append_unit(text, days.count(), "day");
    append_unit(text, rest.hours().count(), "hour");
    append_unit(text, rest.minutes().count(), "minute");
    append_unit(text, rest.seconds().count(), "second");
    return text.empty() ? "0 seconds" : text;
}

} // namespace backup_request
