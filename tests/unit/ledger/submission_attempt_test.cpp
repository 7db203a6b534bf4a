// Exactly once, as rules over the attempts: when a submit may send, must search first, must wait for another
// run, or has nothing to do.
#include "backup_request/ledger/submission_attempt.hpp"
#include "ledger/ledger_test_records.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;
using backup_request::test::access_record;
using backup_request::test::utc;

namespace {

SubmissionAttempt attempt(std::size_t seq, std::string tracker, AttemptOutcome outcome,
                          std::optional<std::string> ticket = std::nullopt) {
    return {"k7m2qz",
            seq,
            std::move(tracker),
            utc("2026-11-20T16:00:00Z"),
            utc("2026-11-20T16:00:30Z"),
            outcome,
            ticket,
            std::nullopt,
            ""};
}

const sys_seconds later = utc("2026-11-20T16:10:00Z");

} // namespace

TEST_CASE("a request never sent is sent") {
    const auto record = access_record("k7m2qz", "2026-11-20T14:30:00Z", "2026-11-20T16:00:00Z");
    CHECK(plan_submission(record, {}, "github", false, later).step == SubmissionStep::send);
    // Nothing reached the tracker, or it said no: sending again opens at most one.
    const std::vector<SubmissionAttempt> failed = {attempt(0, "github", AttemptOutcome::not_sent),
                                                   attempt(1, "github", AttemptOutcome::refused)};
    CHECK(plan_submission(record, failed, "github", false, later).step == SubmissionStep::send);
}

TEST_CASE("an attempt whose outcome is unknown makes the next one search first") {
    const auto record = access_record("k7m2qz", "2026-11-20T14:30:00Z", "2026-11-20T16:00:00Z");
    const std::vector<SubmissionAttempt> unknown = {attempt(0, "github", AttemptOutcome::unknown),
                                                    attempt(1, "github", AttemptOutcome::not_sent)};
    CHECK(plan_submission(record, unknown, "github", false, later).step == SubmissionStep::search_first);
    // Another tracker's unknown attempt cannot have opened a ticket in this one.
    CHECK(plan_submission(record, unknown, "gitlab", false, later).step == SubmissionStep::send);
    // A run that died while sending left `sending` behind: past its deadline, that is unknown too.
    const std::vector<SubmissionAttempt> died = {attempt(0, "github", AttemptOutcome::sending)};
    CHECK(plan_submission(record, died, "github", false, later).step == SubmissionStep::search_first);
    // Before its deadline, it may still be running: do not race it.
    const auto racing = plan_submission(record, died, "github", false, utc("2026-11-20T16:00:10Z"));
    CHECK(racing.step == SubmissionStep::another_run);
    CHECK(racing.running == &died[0]);
}

TEST_CASE("a request with a ticket is not submitted again, unless --again") {
    auto record = access_record("k7m2qz", "2026-11-20T14:30:00Z", "2026-11-20T16:00:00Z");
    const std::vector<SubmissionAttempt> done = {
        attempt(0, "github", AttemptOutcome::unknown),
        attempt(1, "github", AttemptOutcome::adopted, "octo/ops#12")};
    const auto plan = plan_submission(record, done, "jira", false, later);
    CHECK(plan.step == SubmissionStep::already_submitted);
    CHECK(plan.ticketed == &done[1]);
    // --again: the unknown attempt before the ticket is history; the new ticket is sent for.
    CHECK(plan_submission(record, done, "github", true, later).step == SubmissionStep::send);
    // ...but an unknown one after it is not.
    auto after = done;
    after.push_back(attempt(2, "github", AttemptOutcome::unknown));
    CHECK(plan_submission(record, after, "github", true, later).step == SubmissionStep::search_first);
    CHECK(is_known_ticket(after, "octo/ops#12"));
    CHECK_FALSE(is_known_ticket(after, "octo/ops#13"));
    // A ticket marked by hand (mark submitted --ticket) counts too.
    record.ticket = "OPS-88";
    const auto by_hand = plan_submission(record, {}, "jira", false, later);
    CHECK(by_hand.step == SubmissionStep::already_submitted);
    CHECK(by_hand.ticketed == nullptr);
}

TEST_CASE("outcome names round-trip") {
    for (const auto outcome : {AttemptOutcome::sending, AttemptOutcome::created, AttemptOutcome::adopted,
                               AttemptOutcome::unknown, AttemptOutcome::not_sent, AttemptOutcome::refused}) {
        CHECK(outcome_named(outcome_name(outcome)) == outcome);
    }
    CHECK(outcome_name(AttemptOutcome::not_sent) == "not-sent");
    CHECK_FALSE(outcome_named("lost").has_value());
}
