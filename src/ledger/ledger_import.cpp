// One request copied into another ledger under its own id, so that every id people wrote down still works.
#include "backup_request/ledger/ledger_import.hpp"

namespace backup_request {

ImportOutcome import_record(LedgerStore& target, const LedgerRecord& record,
                            const std::vector<SubmissionAttempt>& attempts) {
    const auto own_id = [&record](unsigned attempt) { return attempt == 0 ? record.id : std::string(); };
    if (!target.add_if(record, own_id, nullptr)) {
        // Taken: by the same request (imported before), or by another one.
        const auto there = target.find(record.id);
        return there && *there == record ? ImportOutcome::already_there : ImportOutcome::conflicting;
    }
    for (const auto& attempt : attempts) {
        if (target.begin_attempt(attempt)) {
            target.finish_attempt(attempt);
        }
    }
    return ImportOutcome::imported;
}

} // namespace backup_request
