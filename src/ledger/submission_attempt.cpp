// The rules of exactly once over the attempts a ledger remembers: what a submit must do first.
#include "backup_request/ledger/submission_attempt.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace backup_request {
namespace {

constexpr std::array<std::pair<AttemptOutcome, std::string_view>, 6> outcome_names = {{
    {AttemptOutcome::sending, "sending"},
    {AttemptOutcome::created, "created"},
    {AttemptOutcome::adopted, "adopted"},
    {AttemptOutcome::unknown, "unknown"},
    {AttemptOutcome::not_sent, "not-sent"},
    {AttemptOutcome::refused, "refused"},
}};

bool has_ticket(const SubmissionAttempt& attempt) {
    return attempt.outcome == AttemptOutcome::created || attempt.outcome == AttemptOutcome::adopted;
}

} // namespace

std::string_view outcome_name(AttemptOutcome outcome) {
    for (const auto& [value, name] : outcome_names) {
        if (value == outcome) {
            return name;
        }
    }
    return "unknown";
}

std::optional<AttemptOutcome> outcome_named(std::string_view name) {
    for (const auto& [value, known] : outcome_names) {
        if (known == name) {
            return value;
        }
    }
    return std::nullopt;
}

SubmissionPlan plan_submission(const LedgerRecord& record, const std::vector<SubmissionAttempt>& attempts,
                               std::string_view tracker, bool again, sys_seconds now) {
    const auto last_ticketed = std::find_if(attempts.rbegin(), attempts.rend(), has_ticket);
    if (!again) {
        if (last_ticketed != attempts.rend()) {
            return {SubmissionStep::already_submitted, &*last_ticketed, nullptr};
        }
        if (record.ticket) {
            return {SubmissionStep::already_submitted, nullptr, nullptr};
        }
    }
    // Only what happened since the last ticket can be a ticket no one knows of yet.
    const auto since = last_ticketed == attempts.rend() ? attempts.begin() : last_ticketed.base();
    SubmissionPlan plan;
    for (auto attempt = since; attempt != attempts.end(); ++attempt) {
        if (attempt->tracker != tracker) {
            continue;
        }
        if (attempt->outcome == AttemptOutcome::sending && now < attempt->sending_until) {
            return {SubmissionStep::another_run, nullptr, &*attempt};
        }
        if (attempt->outcome == AttemptOutcome::sending || attempt->outcome == AttemptOutcome::unknown) {
            plan.step = SubmissionStep::search_first;
        }
    }
    return plan;
}

bool is_known_ticket(const std::vector<SubmissionAttempt>& attempts, std::string_view key) {
    return std::any_of(attempts.begin(), attempts.end(), [key](const SubmissionAttempt& attempt) {
        return has_ticket(attempt) && attempt.ticket && *attempt.ticket == key;
    });
}

} // namespace backup_request
