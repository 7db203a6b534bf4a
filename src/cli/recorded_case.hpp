// A recorded request's case, made again from its payload as of when it was written: the same facts give the
// same text, for `submit` (the tracker's body) and `show --format text` (the portal's form).
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "backup_request/drafts/request_kind.hpp"
#include "backup_request/ledger/ledger_record.hpp"
#include "command_failure.hpp"

namespace backup_request {

// Exit 3 when the payload is not JSON or no longer passes this version's rules.
[[nodiscard]] OrFailure<JudgedRequest> recorded_case(const LedgerRecord& record);

} // namespace backup_request
