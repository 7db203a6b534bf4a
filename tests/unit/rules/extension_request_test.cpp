// Unit tests for the access-extension rules and drafts.
#include "backup_request/drafts/extension_draft.hpp"
#include "backup_request/rules/extension_request.hpp"
#include "test_time.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;
using backup_request::test::codes;
using backup_request::test::Codes;
using backup_request::test::utc;

namespace {

const sys_seconds now = utc("2026-11-20T12:00:00Z");
const std::string reason =
    "Reconciling the 1,200 affected orders takes longer than planned; finance needs three "
    "more days of access to finish.";

ExtensionInput valid_input() {
    ExtensionInput input;
    input.case_id = "00123456";
    input.delivered_at = "2026-11-16T09:00:00Z";
    input.days = 3;
    input.justification = reason;
    return input;
}

} // namespace

TEST_CASE("Access lasts 7 days from delivery and the extension adds to it") {
    const auto evaluation = evaluate_extension(valid_input(), now);
    REQUIRE(evaluation.request);
    CHECK(evaluation.diagnostics.empty());
    CHECK(format_utc_time(evaluation.request->access_expires_at) == "2026-11-23T09:00:00Z");
    CHECK(format_utc_time(requested_expires_at(*evaluation.request)) == "2026-11-26T09:00:00Z");
}

TEST_CASE("An extension after access expired is an error, exactly at the edge") {
    auto input = valid_input();
    input.delivered_at = "2026-11-13T12:00:00Z"; // expires exactly now: still extendable
    CHECK(codes(evaluate_extension(input, now).diagnostics).empty());
    input.delivered_at = "2026-11-13T11:59:59Z";
    const auto evaluation = evaluate_extension(input, now);
    REQUIRE(codes(evaluation.diagnostics) == Codes{"access-expired"});
    CHECK(evaluation.diagnostics[0].message == "access expired at 2026-11-20T11:59:59Z, 1 second ago: "
                                               "expired access cannot be extended; ask for a new "
                                               "restore with backup-request create");
}

TEST_CASE("Asking more than 7 days before expiry is a warning") {
    auto input = valid_input();
    input.delivered_at.reset();
    input.access_expires_at = "2026-11-27T12:00:00Z"; // exactly 7 days: no warning
    CHECK(codes(evaluate_extension(input, now).diagnostics).empty());
    input.access_expires_at = "2026-11-27T12:00:01Z";
    CHECK(codes(evaluate_extension(input, now).diagnostics) == Codes{"extension-early"});
}

TEST_CASE("Days are 1 to 7, the case is required, delivery cannot be in the future") {
    auto input = valid_input();
    input.days = 0;
    CHECK(codes(evaluate_extension(input, now).diagnostics) == Codes{"extension-days-invalid"});
    input.days = 8;
    CHECK(codes(evaluate_extension(input, now).diagnostics) == Codes{"extension-days-invalid"});
    input.days = 7;
    CHECK(codes(evaluate_extension(input, now).diagnostics).empty());
    CHECK(codes(evaluate_extension(ExtensionInput{}, now).diagnostics) ==
          Codes{"case-missing", "delivered-missing", "extension-days-missing", "justification-missing"});
    input.delivered_at = "2026-11-20T12:00:01Z";
    CHECK(codes(evaluate_extension(input, now).diagnostics) == Codes{"time-in-future"});
    input.access_expires_at = "2026-11-25T00:00:00Z";
    CHECK(codes(evaluate_extension(input, now).diagnostics) == Codes{"extension-conflict"});
}

TEST_CASE("Extension drafts: fields, unknown keys, and a payload read back") {
    nlohmann::json draft = {{"request_type", "access-extension"},
                            {"case", "00123456"},
                            {"delivered_at", "2026-11-16T09:00:00Z"},
                            {"extension_days", 3},
                            {"justification", reason},
                            {"cse", "x"}};
    auto evaluation = evaluate_extension_draft(draft, now);
    REQUIRE(codes(evaluation.diagnostics) == Codes{"draft-unknown-field"});
    CHECK(evaluation.diagnostics[0].message == "unknown field 'cse' (did you mean 'case'?)");
    draft.erase("cse");
    evaluation = evaluate_extension_draft(draft, now);
    REQUIRE(evaluation.request);
    const auto payload = nlohmann::json::parse(to_extension_payload(*evaluation.request).dump());
    CHECK(payload["requested_expires_at"] == "2026-11-26T09:00:00Z");
    const auto again = evaluate_extension_draft(payload, now);
    CHECK(again.diagnostics.empty());
    REQUIRE(again.request);
    CHECK(again.request->delivered_at == evaluation.request->delivered_at);
}
