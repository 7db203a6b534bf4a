// Test helpers: a UTC time from its text (usable at namespace scope, so it throws rather than REQUIREs), and
// the codes of a diagnostics list, for comparing whole lists at once.
#pragma once

#include "backup_request/rules/diagnostic.hpp"
#include "backup_request/time/utc_time.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace backup_request::test {

inline sys_seconds utc(std::string_view text) {
    auto parsed = parse_absolute_time(text);
    if (!std::holds_alternative<ParsedTime>(parsed)) {
        throw std::logic_error("test time does not parse: " + std::string(text));
    }
    return std::get<ParsedTime>(parsed).time;
}

using Codes = std::vector<std::string>;

inline Codes codes(const Diagnostics& diagnostics) {
    Codes out;
    for (const auto& d : diagnostics) {
        out.push_back(d.code);
    }
    return out;
}

} // namespace backup_request::test
