// The recorded payload judged again at its own created_at.
#include "recorded_case.hpp"

namespace backup_request {

OrFailure<JudgedRequest> recorded_case(const LedgerRecord& record) {
    const auto payload = nlohmann::json::parse(record.payload, nullptr, false);
    if (payload.is_discarded()) {
        return failure(ExitCode::input, "request " + record.id + ": its recorded payload is not JSON");
    }
    // Judged as of when it was written: the same facts give the same case (the secret check passed then).
    JudgedRequest judged =
        kind_of_draft(payload).judge(payload, record.written_at, DraftOptions{true, {}, false});
    if (!judged.render) {
        return failure(ExitCode::input, "request " + record.id +
                                            ": its recorded payload no longer passes the rules of this "
                                            "version; write it again with backup-request create");
    }
    return judged;
}

} // namespace backup_request
