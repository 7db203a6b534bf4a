// Durations in words ("2 days 3 hours"), exact to the second, for messages people read under stress.
#pragma once

#include <chrono>
#include <string>

namespace backup_request {

// Every non-zero unit of days, hours, minutes, seconds; "0 seconds" for zero. The sign is ignored.
[[nodiscard]] std::string duration_text(std::chrono::seconds duration);

} // namespace backup_request
