// One try at opening a request's ticket in a tracker, as the ledger remembers it (issue 26). It is recorded
// before the request is sent, so a run that dies or loses the answer leaves an attempt whose outcome is not
// known, and the next run asks the tracker for the request's marker before it sends anything again.
#pragma once

#include "backup_request/ledger/ledger_record.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backup_request {

enum class AttemptOutcome {
    sending,  // recorded before sending; still so if the run ended before it knew (the outcome is unknown)
    created,  // the tracker answered with the new ticket
    adopted,  // a search found the ticket an earlier attempt had opened
    unknown,  // the request may have arrived, no answer said so (timeout, connection lost, 5xx)
    not_sent, // nothing reached the tracker (no connection, name not found, TLS refused)
    refused,  // the tracker answered no (4xx): nothing was opened
};

[[nodiscard]] std::string_view outcome_name(AttemptOutcome outcome);
[[nodiscard]] std::optional<AttemptOutcome> outcome_named(std::string_view name);

struct SubmissionAttempt {
    std::string request_id;
    std::size_t seq = 0; // 0, 1, ... per request, in the order they were made
    std::string tracker; // tracker_name(): "github", "jira-server"
    sys_seconds started_at;
    sys_seconds sending_until; // the run's own deadline: before it, a `sending` attempt may still be alive
    AttemptOutcome outcome = AttemptOutcome::sending;
    std::optional<std::string> ticket; // created or adopted: the key
    std::optional<std::string> url;
    std::string detail{}; // why refused, unknown or not sent: one line

    friend bool operator==(const SubmissionAttempt&, const SubmissionAttempt&) = default;
};

// What a submit of a request to a tracker must do before (or instead of) sending.
enum class SubmissionStep {
    send,              // nothing of an earlier attempt can have reached the tracker
    search_first,      // an earlier attempt's outcome is unknown: ask the tracker for the marker first
    already_submitted, // it has a ticket (opened here, adopted, or marked by hand) and --again was not given
    another_run,       // another run's attempt may still be sending: wait for it, do not race it
};

struct SubmissionPlan {
    SubmissionStep step = SubmissionStep::send;
    const SubmissionAttempt* ticketed = nullptr; // already_submitted: the attempt with the ticket, if any
    const SubmissionAttempt* running = nullptr;  // another_run: its attempt
};

// The step for submitting `record` to `tracker` at `now`, given its attempts (oldest first). With `again`,
// a ticket it has does not stop a new one; attempts before the last ticket's are history then.
[[nodiscard]] SubmissionPlan plan_submission(const LedgerRecord& record,
                                             const std::vector<SubmissionAttempt>& attempts,
                                             std::string_view tracker, bool again, sys_seconds now);

// Whether `key` is the ticket of an attempt that created or adopted it: a search that finds it again after
// --again did not find the new one.
[[nodiscard]] bool is_known_ticket(const std::vector<SubmissionAttempt>& attempts, std::string_view key);

} // namespace backup_request
