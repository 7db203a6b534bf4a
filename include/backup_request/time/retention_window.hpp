// The vendor's retention window: which points in time can still be restored, judged against a given now.
#pragma once

#include "backup_request/rules/diagnostic.hpp"
#include "backup_request/time/utc_time.hpp"

#include <chrono>

namespace backup_request {

inline constexpr int default_retention_days = 15;
inline constexpr int max_retention_days = 365;
// The newest backups may not be restorable yet.
inline constexpr std::chrono::minutes restore_lag{5};
// Warn when the vendor has less than this to act before the point in time leaves the window.
inline constexpr std::chrono::hours expiry_warning{48};

struct RetentionWindow {
    sys_seconds earliest; // now - retention, included
    sys_seconds latest;   // now, included
};

[[nodiscard]] RetentionWindow retention_window(sys_seconds now, int retention_days);

// When `point_in_time` leaves the window: point in time + retention.
[[nodiscard]] sys_seconds window_exit_time(sys_seconds point_in_time, int retention_days);

// Errors when outside [now - retention, now]; warnings when too recent or leaving within 48 hours.
[[nodiscard]] Diagnostics check_point_in_time(sys_seconds point_in_time, sys_seconds now, int retention_days);

} // namespace backup_request
