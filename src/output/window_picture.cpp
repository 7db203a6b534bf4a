// Renders the window: the arithmetic is the retention rules'; this file only lays it out.
#include "backup_request/output/window_picture.hpp"

#include "backup_request/time/duration_text.hpp"

#include <date/date.h>
#include <vector>

namespace backup_request {
namespace {

using std::chrono::seconds;

constexpr const char* reset = "\x1b[0m";
constexpr const char* yellow = "\x1b[33m";
constexpr const char* red = "\x1b[31m";
constexpr const char* bold_cyan = "\x1b[1;36m";
constexpr const char* dim = "\x1b[2m";

enum class Standing { inside, too_recent, expiring, too_old, in_future };

Standing standing_of(sys_seconds point, const WindowFacts& facts) {
    const auto window = retention_window(facts.now, facts.retention_days);
    if (point > window.latest) {
        return Standing::in_future;
    }
    if (point < window.earliest) {
        return Standing::too_old;
    }
    if (facts.now - point < restore_lag) {
        return Standing::too_recent;
    }
    if (window_exit_time(point, facts.retention_days) - facts.now <= expiry_warning) {
        return Standing::expiring;
    }
    return Standing::inside;
}

const char* standing_name(Standing standing) {
    switch (standing) {
    case Standing::inside:
        return "inside";
    case Standing::too_recent:
        return "too-recent";
    case Standing::expiring:
        return "expiring";
    case Standing::too_old:
        return "too-old";
    case Standing::in_future:
        return "in-future";
    }
    return "inside";
}

std::string month_day(sys_seconds time) {
    return format_utc_time(time).substr(5, 5);
}

std::string label(std::string_view name) {
    std::string text(name);
    text += ':';
    text.resize(27, ' ');
    return text;
}

} // namespace

std::string window_summary(const WindowFacts& facts) {
    const auto window = retention_window(facts.now, facts.retention_days);
    std::string text;
    text += label("Now (UTC)") + format_utc_time(facts.now) + "\n";
    text += label("Earliest allowed") + format_utc_time(window.earliest) + "  (" +
            std::to_string(facts.retention_days) + " days ago)\n";
    text +=
        label("Newest safely restorable") + format_utc_time(facts.now - restore_lag) + "  (5 minutes ago)\n";
    if (!facts.point_in_time) {
        return text;
    }
    const sys_seconds point = *facts.point_in_time;
    const sys_seconds leaves = window_exit_time(point, facts.retention_days);
    text += label("Point in time") + format_utc_time(point) + "\n";
    std::string verdict;
    switch (standing_of(point, facts)) {
    case Standing::in_future:
        verdict = "not restorable: it is " + duration_text(point - facts.now) + " in the future";
        break;
    case Standing::too_old:
        verdict = "not restorable: it left the window " + duration_text(facts.now - leaves) + " ago, at " +
                  format_utc_time(leaves);
        break;
    case Standing::too_recent:
        verdict = "inside, but less than 5 minutes old: the newest backups may not be restorable yet; it "
                  "leaves the "
                  "window in " +
                  duration_text(leaves - facts.now) + ", at " + format_utc_time(leaves);
        break;
    case Standing::expiring:
    case Standing::inside:
        verdict = "inside: leaves the window in " + duration_text(leaves - facts.now) + ", at " +
                  format_utc_time(leaves);
        break;
    }
    text += std::string(27, ' ') + verdict + "\n";
    return text;
}

std::string window_picture(const WindowFacts& facts, PictureStyle style, int width) {
    const bool fancy = style == PictureStyle::fancy;
    const auto window = retention_window(facts.now, facts.retention_days);
    const int days = facts.retention_days;
    // A whole number of columns per day when the window fits; otherwise the width, with days sharing columns.
    const int cells = days <= width ? std::max(1, width / days) * days : width;
    const auto column_of_day = [&](int day) { return day * cells / days; };
    const seconds span = facts.now - window.earliest;
    const auto cell_of = [&](sys_seconds t) {
        const auto offset = (t - window.earliest).count();
        return static_cast<int>(std::min<long long>(cells - 1, offset * cells / span.count()));
    };
    const int expiring_cells =
        cell_of(window.earliest + expiry_warning); // cells [0, this) leave within 48 hours
    const int recent_cell = cells - 1;             // the newest 5 minutes
    std::optional<int> marker;
    std::string beyond;
    if (facts.point_in_time) {
        if (*facts.point_in_time < window.earliest) {
            beyond = fancy ? "◀ older than the window" : "< older than the window";
            marker = 0;
        } else if (*facts.point_in_time > window.latest) {
            beyond = fancy ? "in the future ▶" : "in the future >";
            marker = cells - 1;
        } else {
            marker = cell_of(*facts.point_in_time);
        }
    }

    const std::string indent = "  ";
    std::string out;
    // Day labels above their ticks, spaced so they never touch; the last one ends at the last tick.
    std::string labels(static_cast<std::size_t>(cells + 1), ' ');
    const std::string last = month_day(window.latest);
    const int last_start = cells + 1 - static_cast<int>(last.size());
    int free_from = 0;
    for (int day = 0; day < days; ++day) {
        const int column = column_of_day(day);
        if (column < free_from) {
            continue;
        }
        if (column + 6 > last_start) {
            break;
        }
        free_from = column + 6;
        const std::string text = month_day(window.earliest + date::days{day});
        labels.replace(static_cast<std::size_t>(column), text.size(), text);
    }
    labels.replace(static_cast<std::size_t>(last_start), last.size(), last);
    out += indent + labels + "\n";

    // The axis: a tick per day.
    out += indent;
    std::vector<bool> ticks(static_cast<std::size_t>(cells + 1), false);
    for (int day = 0; day <= days; ++day) {
        ticks[static_cast<std::size_t>(column_of_day(day))] = true;
    }
    for (const bool tick : ticks) {
        out += fancy ? (tick ? "┬" : "─") : (tick ? "|" : "-");
    }
    out += "\n";

    // The bar: shading for the oldest 48 hours and the newest 5 minutes; colour changes only between runs.
    out += indent;
    const char* current = nullptr;
    for (int i = 0; i < cells; ++i) {
        const bool recent = i == recent_cell;
        const bool expiring = !recent && i < expiring_cells;
        if (!fancy) {
            out += recent ? "!" : expiring ? "#" : ".";
            continue;
        }
        const char* color = recent ? red : expiring ? yellow : dim;
        if (color != current) {
            out += std::string(current == nullptr ? "" : reset) + color;
            current = color;
        }
        out += recent ? "▓" : expiring ? "░" : "·";
    }
    out += fancy ? std::string(reset) + "\n" : "\n";

    if (marker) {
        std::string line = indent + std::string(static_cast<std::size_t>(*marker), ' ');
        line += fancy ? std::string(bold_cyan) + "▲" + reset : "^";
        if (!beyond.empty()) {
            line += " " + beyond;
        }
        out += line + "\n";
    }
    if (fancy) {
        out += indent + yellow + "░" + reset + " leaves the window within 48 hours   " + red + "▓" + reset +
               " newest 5 minutes, maybe not restorable yet";
        out += marker ? std::string("   ") + bold_cyan + "▲" + reset + " point in time\n" : "\n";
    } else {
        out += indent + "# leaves the window within 48 hours   ! newest 5 minutes, maybe not restorable yet";
        out += marker ? "   ^ point in time\n" : "\n";
    }
    return out;
}

nlohmann::ordered_json window_json(const WindowFacts& facts) {
    const auto window = retention_window(facts.now, facts.retention_days);
    nlohmann::ordered_json out;
    out["now"] = format_utc_time(facts.now);
    out["retention_days"] = facts.retention_days;
    out["earliest_allowed"] = format_utc_time(window.earliest);
    out["newest_safe"] = format_utc_time(facts.now - restore_lag);
    if (facts.point_in_time) {
        const sys_seconds point = *facts.point_in_time;
        const sys_seconds leaves = window_exit_time(point, facts.retention_days);
        const Standing standing = standing_of(point, facts);
        out["point_in_time"] = {
            {"time", format_utc_time(point)},
            {"inside", standing != Standing::too_old && standing != Standing::in_future},
            {"standing", standing_name(standing)},
            {"leaves_window_at", format_utc_time(leaves)},
            {"seconds_until_it_leaves", (leaves - facts.now).count()},
        };
    }
    return out;
}

} // namespace backup_request
