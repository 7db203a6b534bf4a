// Opening a recorded request's ticket in a tracker exactly once (issue 26): the attempt is recorded before
// anything is sent; an attempt whose outcome is unknown (a timeout, a connection lost after sending, a 5xx)
// is followed by a search for the request's marker, never by a blind second POST; 429 waits for the tracker's
// word within the time budget. Shared by `submit` and `create --submit`.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "backup_request/http/http_transport.hpp"
#include "backup_request/ledger/ledger_store.hpp"
#include "command_context.hpp"
#include "command_failure.hpp"
#include "tracker_flags.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace backup_request {

struct SubmittedTicket {
    std::string id;
    Tracker tracker = Tracker::github;
    std::string ticket;
    std::optional<std::string> url;
    bool created = false; // opened by this run; false: found (adopted) or already recorded
    std::string note;     // for a person, on stderr: "opened", "found the ticket an earlier attempt opened"
};

// The clock the waits use: real in the command, injected in tests.
struct SubmissionClock {
    std::function<std::chrono::steady_clock::time_point()> steady = std::chrono::steady_clock::now;
    std::function<void(std::chrono::milliseconds)> sleep;
};

// The body `tracker` takes for the recorded request, with its marker: the case re-judged as of when it was
// written (the same facts, the same text), in the body the tracker's --format writes.
[[nodiscard]] OrFailure<std::string> recorded_body(const LedgerRecord& record, Tracker tracker,
                                                   const TrackerSettings& settings);

struct SubmissionPlanInputs {
    Tracker tracker = Tracker::github;
    const TrackerSettings* settings = nullptr;
    const SubmitSettings* submit = nullptr;
    TrackerCredential credential;
    std::string body; // recorded_body()
};

// Opens (or finds) the ticket of `record`, recording each attempt and, once it has one, the ticket in the
// record's life as `mark submitted --ticket` would. `now` stamps the ledger. Failures: exit 5 for the
// tracker's (unreachable, refused, outcome still unknown), 4 when the ledger cannot record the attempt
// (nothing is sent then).
[[nodiscard]] OrFailure<SubmittedTicket> submit_record(const LedgerRecord& record,
                                                       const SubmissionPlanInputs& inputs, LedgerStore& store,
                                                       HttpTransport& transport, const SubmissionClock& clock,
                                                       sys_seconds now, CommandContext& context);

// What `submit` and `create --submit` both do: the recorded body, the credential, libcurl's transport and the
// real clock, then submit_record().
[[nodiscard]] OrFailure<SubmittedTicket> open_ticket(const LedgerRecord& record, Tracker tracker,
                                                     const TrackerSettings& settings,
                                                     const SubmitSettings& submit, LedgerStore& store,
                                                     sys_seconds now, CommandContext& context);

// The credential for `tracker` from the environment or its token_command, or the failure naming where to
// put it (exit 5: the tracker cannot be signed in to).
[[nodiscard]] OrFailure<TrackerCredential>
tracker_credential(Tracker tracker, const TrackerSettings& settings, const CommandContext& context);

// One line for stdout (the URL, else the key), or the JSON object {"id","tracker","ticket","url","created"}.
[[nodiscard]] std::string submitted_text(const SubmittedTicket& submitted, bool json);

} // namespace backup_request
