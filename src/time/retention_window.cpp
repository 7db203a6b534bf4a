// The window rule: a point in time must lie in [now - retention, now], both ends included, to the second.
#include "backup_request/time/retention_window.hpp"

#include "backup_request/time/duration_text.hpp"

#include <date/date.h>

namespace backup_request {

RetentionWindow retention_window(sys_seconds now, int retention_days) {
    return {now - date::days{retention_days}, now};
}

sys_seconds window_exit_time(sys_seconds point_in_time, int retention_days) {
    return point_in_time + date::days{retention_days};
}

Diagnostics check_point_in_time(sys_seconds point_in_time, sys_seconds now, int retention_days) {
    const std::string field = "point_in_time";
    const RetentionWindow window = retention_window(now, retention_days);
    const std::string days = std::to_string(retention_days);
    Diagnostics found;
    if (point_in_time > window.latest) {
        found.push_back(make_error("time-in-future", field,
                                   format_utc_time(point_in_time) + " is " +
                                       duration_text(point_in_time - now) + " in the future (now is " +
                                       format_utc_time(now) +
                                       "): a backup can only be restored to a time that has passed"));
        return found;
    }
    if (point_in_time < window.earliest) {
        found.push_back(make_error(
            "time-too-old", field,
            format_utc_time(point_in_time) + " is older than the " + days + "-day retention window by " +
                duration_text(window.earliest - point_in_time) + " (it left the window at " +
                format_utc_time(window_exit_time(point_in_time, retention_days)) +
                "); the earliest point in time allowed now is " + format_utc_time(window.earliest)));
        return found;
    }
    if (now - point_in_time < restore_lag) {
        found.push_back(
            make_warning("time-too-recent", field,
                         format_utc_time(point_in_time) + " is less than 5 minutes before now (" +
                             format_utc_time(now) + "): the newest backups may not be restorable yet; " +
                             "a point at or before " + format_utc_time(now - restore_lag) + " is safe"));
    }
    const sys_seconds exit_time = window_exit_time(point_in_time, retention_days);
    if (exit_time - now <= expiry_warning) {
        found.push_back(make_warning("time-expires-soon", field,
                                     format_utc_time(point_in_time) + " leaves the " + days +
                                         "-day retention window at " + format_utc_time(exit_time) + ", in " +
                                         duration_text(exit_time - now) +
                                         ": the vendor must restore it before then"));
    }
    return found;
}

} // namespace backup_request
