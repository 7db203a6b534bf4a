// The lifecycle: forward only, what each mark sets, and the next deadline.
#include "backup_request/ledger/request_lifecycle.hpp"
#include "ledger/ledger_test_records.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;
using backup_request::test::access_record;
using backup_request::test::utc;

namespace {

LedgerRecord marked(const LedgerRecord& record, Mark mark, const char* now) {
    auto applied = apply_mark(record, mark, utc(now));
    REQUIRE(std::holds_alternative<LedgerRecord>(applied));
    return std::get<LedgerRecord>(applied);
}

std::string refused(const LedgerRecord& record, Mark mark, const char* now) {
    auto applied = apply_mark(record, mark, utc(now));
    REQUIRE(std::holds_alternative<MarkRefusal>(applied));
    return std::get<MarkRefusal>(applied).message;
}

} // namespace

TEST_CASE("a request lives written, submitted, delivered, extended, closed") {
    const auto written = access_record("k7m2qz", "2026-11-20T14:30:00Z", "2026-11-20T16:00:00Z");
    REQUIRE(next_deadline(written)->at == utc("2026-12-05T14:30:00Z"));
    CHECK(next_deadline(written)->meaning == "leaves the window");

    const auto submitted =
        marked(written, {RequestState::submitted, "01234567", "OPS-88", {}, {}}, "2026-11-20T16:10:00Z");
    CHECK(submitted.case_id == "01234567");
    CHECK(submitted.ticket == "OPS-88");
    CHECK(submitted.history.back() ==
          LedgerEvent{RequestState::submitted, utc("2026-11-20T16:10:00Z"), "case 01234567, ticket OPS-88"});

    const auto delivered =
        marked(submitted, {RequestState::delivered, {}, {}, utc("2026-11-21T10:00:00Z"), {}},
               "2026-11-21T10:05:00Z");
    CHECK(delivered.delivered_at == utc("2026-11-21T10:00:00Z"));
    CHECK(delivered.access_ends_at == utc("2026-11-28T10:00:00Z"));
    CHECK(next_deadline(delivered)->at == utc("2026-11-28T10:00:00Z"));
    CHECK(next_deadline(delivered)->meaning == "access ends");

    const auto extended = marked(delivered, {RequestState::extended, {}, {}, {}, utc("2026-12-01T10:00:00Z")},
                                 "2026-11-27T09:00:00Z");
    CHECK(extended.access_ends_at == utc("2026-12-01T10:00:00Z"));
    const auto again = marked(extended, {RequestState::extended, {}, {}, {}, utc("2026-12-03T10:00:00Z")},
                              "2026-11-30T09:00:00Z");
    CHECK(again.access_ends_at == utc("2026-12-03T10:00:00Z"));

    const auto closed = marked(again, {RequestState::closed, {}, {}, {}, {}}, "2026-12-02T09:00:00Z");
    CHECK_FALSE(is_open(closed));
    CHECK_FALSE(next_deadline(closed).has_value());
    CHECK(closed.history.size() == 6);
}

TEST_CASE("delivered without --at is now, skipping submitted is allowed") {
    const auto written = access_record("k7m2qz", "2026-11-20T14:30:00Z", "2026-11-20T16:00:00Z");
    const auto delivered = marked(written, {RequestState::delivered, {}, {}, {}, {}}, "2026-11-21T10:00:00Z");
    CHECK(delivered.delivered_at == utc("2026-11-21T10:00:00Z"));
    CHECK(delivered.access_ends_at == utc("2026-11-28T10:00:00Z"));
}

TEST_CASE("a wrong mark is refused with the reason") {
    const auto written = access_record("k7m2qz", "2026-11-20T14:30:00Z", "2026-11-20T16:00:00Z");
    const auto submitted = marked(written, {RequestState::submitted, {}, {}, {}, {}}, "2026-11-20T16:10:00Z");
    CHECK(refused(submitted, {RequestState::submitted, {}, {}, {}, {}}, "2026-11-20T17:00:00Z") ==
          "request k7m2qz is already submitted; states only move forward");
    CHECK(refused(written, {RequestState::extended, {}, {}, {}, utc("2026-12-01T00:00:00Z")},
                  "2026-11-20T17:00:00Z") ==
          "request k7m2qz is written; only delivered access can be extended (mark it delivered first)");
    CHECK(refused(written, {RequestState::delivered, {}, {}, utc("2026-11-22T00:00:00Z"), {}},
                  "2026-11-21T00:00:00Z") ==
          "--at 2026-11-22T00:00:00Z is in the future; say when access was handed over, which has happened");
    CHECK(refused(written, {RequestState::delivered, {}, {}, utc("2026-11-20T15:00:00Z"), {}},
                  "2026-11-21T00:00:00Z") ==
          "--at 2026-11-20T15:00:00Z is before the case was written (2026-11-20T16:00:00Z)");
    const auto delivered = marked(written, {RequestState::delivered, {}, {}, {}, {}}, "2026-11-21T10:00:00Z");
    CHECK(refused(delivered, {RequestState::declined, {}, {}, {}, {}}, "2026-11-21T11:00:00Z") ==
          "request k7m2qz is delivered; the vendor already agreed to it (mark it closed when you are done)");
    CHECK(refused(delivered, {RequestState::extended, {}, {}, {}, utc("2026-11-27T00:00:00Z")},
                  "2026-11-21T11:00:00Z") ==
          "--until 2026-11-27T00:00:00Z is not after the current end of access (2026-11-28T10:00:00Z)");
    const auto declined = marked(submitted, {RequestState::declined, {}, {}, {}, {}}, "2026-11-21T00:00:00Z");
    CHECK(refused(declined, {RequestState::closed, {}, {}, {}, {}}, "2026-11-22T00:00:00Z") ==
          "request k7m2qz is declined; nothing follows that (file a new request with backup-request create)");
    auto extension = written;
    extension.request_type = "access-extension";
    extension.extends = "p3xw9h";
    CHECK(refused(extension, {RequestState::delivered, {}, {}, {}, {}}, "2026-11-22T00:00:00Z") ==
          "request k7m2qz is an access extension; mark the request it extends (p3xw9h) delivered instead");
}

TEST_CASE("an extension is one extension at most, and only of access that has not ended (issue 24, 6-7)") {
    const auto written = access_record("k7m2qz", "2026-11-20T14:30:00Z", "2026-11-20T16:00:00Z");
    const auto delivered = marked(written, {RequestState::delivered, {}, {}, utc("2026-11-21T10:00:00Z"), {}},
                                  "2026-11-21T10:05:00Z");
    // 7 days past the current end is one extension; a second more is not.
    CHECK(marked(delivered, {RequestState::extended, {}, {}, {}, utc("2026-12-05T10:00:00Z")},
                 "2026-11-27T09:00:00Z")
              .access_ends_at == utc("2026-12-05T10:00:00Z"));
    CHECK(refused(delivered, {RequestState::extended, {}, {}, {}, utc("2026-12-05T10:00:01Z")},
                  "2026-11-27T09:00:00Z") ==
          "--until 2026-12-05T10:00:01Z is more than 7 days after the current end of access "
          "(2026-11-28T10:00:00Z), more than one extension gives");
    CHECK(refused(delivered, {RequestState::extended, {}, {}, {}, utc("2027-12-01T10:00:00Z")},
                  "2026-11-27T09:00:00Z") ==
          "--until 2027-12-01T10:00:00Z is more than 7 days after the current end of access "
          "(2026-11-28T10:00:00Z), more than one extension gives (did you mean 2026-12-01T10:00:00Z?)");
    CHECK(refused(delivered, {RequestState::extended, {}, {}, {}, utc("9026-12-01T10:00:00Z")},
                  "2026-11-27T09:00:00Z")
              .ends_with("(did you mean 2026-12-01T10:00:00Z?)"));
    // Access that ended cannot be extended, whatever --until says: extend --request's words.
    const std::string ended = "request k7m2qz: access ended (2026-11-28T10:00:00Z), and ended access cannot "
                              "be extended; file a new "
                              "request with backup-request create";
    CHECK(refused(delivered, {RequestState::extended, {}, {}, {}, utc("2026-12-01T10:00:00Z")},
                  "2026-11-29T09:00:00Z") == ended);
    CHECK(refused(delivered, {RequestState::extended, {}, {}, {}, utc("2026-11-28T12:00:00Z")},
                  "2026-11-28T10:00:00Z") == ended);
}

TEST_CASE("a mark's clock is never before what the record holds (issue 24, 15)") {
    const auto written = access_record("k7m2qz", "2026-11-20T14:30:00Z", "2026-11-20T16:00:00Z");
    CHECK(refused(written, {RequestState::submitted, "01234567", {}, {}, {}}, "2026-11-20T15:59:59Z") ==
          "the clock (2026-11-20T15:59:59Z) is before the case was written (2026-11-20T16:00:00Z); check "
          "--now, "
          "BACKUP_REQUEST_NOW or the system clock");
    const auto submitted =
        marked(written, {RequestState::submitted, "01234567", {}, {}, {}}, "2026-11-20T18:00:00Z");
    CHECK(refused(submitted, {RequestState::delivered, {}, {}, {}, {}}, "2026-11-20T17:00:00Z") ==
          "the clock (2026-11-20T17:00:00Z) is before the last step recorded (submitted at "
          "2026-11-20T18:00:00Z); check --now, BACKUP_REQUEST_NOW or the system clock");
    CHECK(marked(submitted, {RequestState::delivered, {}, {}, {}, {}}, "2026-11-20T18:00:00Z").delivered_at ==
          utc("2026-11-20T18:00:00Z"));
}

TEST_CASE("submitted --case and --ticket meet the rules they would meet later (issue 24, 12)") {
    const auto written = access_record("k7m2qz", "2026-11-20T14:30:00Z", "2026-11-20T16:00:00Z");
    const char* now = "2026-11-20T18:00:00Z";
    const std::string case_rule =
        "--case: the support case id must be plain text of 1 to 100 characters, like 00123456 [case-invalid]";
    CHECK(refused(written, {RequestState::submitted, std::string(300, '7'), {}, {}, {}}, now) == case_rule);
    CHECK(refused(written, {RequestState::submitted, "0123\r\n4567", {}, {}, {}}, now) == case_rule);
    CHECK(refused(written, {RequestState::submitted, "  ", {}, {}, {}}, now) == case_rule);
    CHECK(refused(written, {RequestState::submitted, {}, "OPS-88\nInjected: line", {}, {}}, now)
              .starts_with("--ticket must be one line"));
    CHECK(refused(written, {RequestState::submitted, {}, std::string("OPS\x1b]0;x\x07", 9), {}, {}}, now)
              .starts_with("--ticket must be one line"));
    CHECK(refused(written, {RequestState::submitted, {}, std::string(2001, 'a'), {}, {}}, now)
              .starts_with("--ticket must be one line"));
    CHECK(refused(written, {RequestState::submitted, {}, "https://ops.example/x?password=hunter22", {}, {}},
                  now)
              .ends_with("[secret-detected]"));
    const auto fine = marked(written, {RequestState::submitted, " 01234567 ", " OPS-88 ", {}, {}}, now);
    CHECK(fine.case_id == "01234567");
    CHECK(fine.ticket == "OPS-88");
}
