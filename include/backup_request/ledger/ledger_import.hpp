// Copying a request from one ledger into another (`ledger import`): a personal SQLite file into the team's.
#pragma once

#include "backup_request/ledger/ledger_store.hpp"

namespace backup_request {

enum class ImportOutcome {
    imported,      // added under its own id, with its history and its ticket attempts
    already_there, // the same id holds the same request: an earlier import (nothing written)
    conflicting,   // the same id holds another request, or this one at another step: skipped
};

// Adds `record` (and `attempts`, its tries to open a ticket) to `target` under the record's own id, unless
// that id is taken. Throws LedgerUnavailable.
[[nodiscard]] ImportOutcome import_record(LedgerStore& target, const LedgerRecord& record,
                                          const std::vector<SubmissionAttempt>& attempts);

} // namespace backup_request
