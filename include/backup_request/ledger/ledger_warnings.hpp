// What the ledger knows that the rules cannot: the same request filed twice, and the service used as a
// routine (docs/diagnostics.md: request-duplicate, service-routine-use).
#pragma once

#include "backup_request/ledger/ledger_record.hpp"
#include "backup_request/rules/diagnostic.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace backup_request {

inline constexpr auto duplicate_distance = std::chrono::hours{1};
inline constexpr auto routine_period = std::chrono::days{30};
inline constexpr int routine_request_count = 3; // this many requests for one environment within the period

// The warnings for `request` (a backup access record about to be written at `now`) against `earlier` ones.
// `run` starts the hints' commands, so they work as printed ("backup-request --ledger PATH ").
[[nodiscard]] Diagnostics ledger_warnings(const LedgerRecord& request,
                                          const std::vector<LedgerRecord>& earlier, sys_seconds now,
                                          const std::string& run = "backup-request ");

} // namespace backup_request
