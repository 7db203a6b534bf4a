// Test helper: a UTC time from its text. Usable at namespace scope, so it throws rather than REQUIREs.
#pragma once

#include "backup_request/utc_time.hpp"

#include <stdexcept>

namespace backup_request::test {

inline sys_seconds utc(std::string_view text) {
    auto parsed = parse_absolute_time(text);
    if (!std::holds_alternative<ParsedTime>(parsed)) {
        throw std::logic_error("test time does not parse: " + std::string(text));
    }
    return std::get<ParsedTime>(parsed).time;
}

} // namespace backup_request::test
