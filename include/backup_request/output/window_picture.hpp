// The retention window at a glance: the facts as text or JSON, and a timeline picture for a terminal.
#pragma once

#include "backup_request/time/retention_window.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace backup_request {

struct WindowFacts {
    sys_seconds now;
    int retention_days = default_retention_days;
    std::optional<sys_seconds> point_in_time;
};

enum class PictureStyle {
    plain, // ASCII, no escape sequences: NO_COLOR, TERM=dumb, or not a terminal
    fancy, // Unicode blocks and ANSI colour
};

// "Now (UTC): ...", "Earliest allowed: ...", "Newest safely restorable: ...", and where the point in time
// stands.
[[nodiscard]] std::string window_summary(const WindowFacts& facts);

// A timeline of the window, a tick per day, with the point in time marked, the oldest 48 hours (about to
// leave the window) and the newest 5 minutes (not restorable yet) shaded, and a legend. `width` is in
// columns.
[[nodiscard]] std::string window_picture(const WindowFacts& facts, PictureStyle style, int width = 60);

// The same facts for scripts.
[[nodiscard]] nlohmann::ordered_json window_json(const WindowFacts& facts);

} // namespace backup_request
