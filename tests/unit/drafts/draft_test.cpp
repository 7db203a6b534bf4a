// Unit tests for reading drafts: field types, unknown fields, computed fields, and the merged evaluation.
#include "backup_request/drafts/draft.hpp"
#include "backup_request/output/payload.hpp"
#include "test_time.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;
using backup_request::test::utc;
using json = nlohmann::json;

namespace {

const sys_seconds now = utc("2026-11-20T12:00:00Z");
const std::string justification =
    "A failed deployment at 14:40 UTC deleted 3,000 invoices from the production "
    "database. Finance cannot close the month.";

json valid_draft() {
    return {{"point_in_time", "2026-11-19T14:30:00Z"},
            {"environments", {"acme-prd.outsystemsenterprise.com"}},
            {"justification", justification}};
}

std::vector<std::string> codes_and_pointers(const Diagnostics& diagnostics) {
    std::vector<std::string> out;
    for (const auto& d : diagnostics) {
        out.push_back(d.code + " " + d.pointer);
    }
    return out;
}

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("A valid draft reads into the request input") {
    auto draft = valid_draft();
    draft["contact"] = "ops@acme.example";
    draft["retention"] = {{"days", 7}};
    const auto reading = read_draft(draft);
    CHECK(reading.diagnostics.empty());
    CHECK(reading.input.point_in_time == "2026-11-19T14:30:00Z");
    CHECK(reading.input.retention_days == 7);
    CHECK(reading.input.contact == "ops@acme.example");
}

TEST_CASE("Unknown fields are errors, with a suggestion when one is close") {
    auto draft = valid_draft();
    draft["enviroments"] = json::array();
    draft["colour"] = "blue";
    draft["retention"] = {{"dayz", 1}};
    const auto reading = read_draft(draft);
    CHECK(codes_and_pointers(reading.diagnostics) == Lines{"draft-unknown-field /colour",
                                                           "draft-unknown-field /enviroments",
                                                           "draft-unknown-field /retention/dayz"});
    CHECK(reading.diagnostics[1].message == "unknown field 'enviroments' (did you mean 'environments'?)");
    CHECK(reading.diagnostics[2].message ==
          "unknown field 'retention.dayz' (did you mean 'retention.days'?)");
}

TEST_CASE("Wrong types are errors naming the expected type, and replace the missing-field error") {
    auto draft = valid_draft();
    draft["point_in_time"] = 20261119;
    draft["environments"] = {"acme-prd.outsystemsenterprise.com", false, "b.example.com:1"};
    draft["retention"] = {{"days", 1.5}};
    const auto evaluation = evaluate_draft(draft, now);
    CHECK(codes_and_pointers(evaluation.diagnostics) ==
          Lines{"draft-wrong-type /point_in_time", "draft-wrong-type /environments/1",
                "draft-wrong-type /retention/days", "env-port /environments/2"});
    CHECK(evaluation.diagnostics[0].message == "point_in_time must be a string, not an integer");
    CHECK(evaluation.diagnostics[1].message == "environments[1] must be a string, not a boolean");
    CHECK(evaluation.diagnostics[2].message == "retention.days must be an integer, not a number");
    CHECK_FALSE(evaluation.request);
}

TEST_CASE("A document that is not an object") {
    const auto evaluation = evaluate_draft(json::array({1}), now);
    CHECK(codes_and_pointers(evaluation.diagnostics) == Lines{"draft-not-object "});
}

TEST_CASE("Null is read as absent") {
    auto draft = valid_draft();
    draft["contact"] = nullptr;
    draft["retention"] = nullptr;
    CHECK(evaluate_draft(draft, now).diagnostics.empty());
    draft["point_in_time"] = nullptr;
    CHECK(codes_and_pointers(evaluate_draft(draft, now).diagnostics) == Lines{"time-missing /point_in_time"});
}

TEST_CASE("A full payload is a valid draft, and its computed fields are recomputed") {
    auto draft = valid_draft();
    const auto first = evaluate_draft(draft, now);
    REQUIRE(first.request);
    json payload = json::parse(to_payload(*first.request).dump());
    payload["created_at"] = "1999-01-01T00:00:00Z";
    payload["retention"]["expires_at"] = "never";
    payload["warnings"] = "anything";
    const auto again = evaluate_draft(payload, utc("2026-11-21T12:00:00Z"));
    REQUIRE(again.request);
    CHECK(again.diagnostics.empty());
    const auto recomputed = to_payload(*again.request);
    CHECK(recomputed["created_at"] == "2026-11-21T12:00:00Z");
    CHECK(recomputed["retention"]["expires_at"] == "2026-12-04T14:30:00Z");
}

TEST_CASE("Huge retention values do not overflow") {
    auto draft = valid_draft();
    draft["retention"] = {{"days", 18446744073709551615ULL}};
    CHECK(codes_and_pointers(evaluate_draft(draft, now).diagnostics) ==
          Lines{"retention-invalid /retention/days"});
    draft["retention"] = {{"days", -9223372036854775807LL - 1}};
    CHECK(codes_and_pointers(evaluate_draft(draft, now).diagnostics) ==
          Lines{"retention-invalid /retention/days"});
}

TEST_CASE("Unsupported versions and request types, and the example marker") {
    auto draft = valid_draft();
    draft["schema_version"] = 2;
    draft["request_type"] = "something-else";
    CHECK(codes_and_pointers(evaluate_draft(draft, now).diagnostics) ==
          Lines{"draft-unsupported /schema_version", "draft-unsupported /request_type"});
    auto example = valid_draft();
    example["example"] = true;
    const auto evaluation = evaluate_draft(example, now);
    CHECK(codes_and_pointers(evaluation.diagnostics) == Lines{"draft-example /example"});
    REQUIRE(evaluation.request);
    CHECK(evaluation.request->example);
}

TEST_CASE("The template is a draft that must be edited before it passes") {
    const auto skeleton = draft_template(now);
    CHECK(skeleton["point_in_time"] == "2026-11-20T10:00:00Z");
    CHECK(codes_and_pointers(evaluate_draft(json::parse(skeleton.dump()), now).diagnostics) ==
          Lines{"justification-placeholder /justification"});
}
