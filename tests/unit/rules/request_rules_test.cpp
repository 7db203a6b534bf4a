// Unit tests for the rules engine as a whole: every problem at once, the accepted request when none.
#include "backup_request/rules/request_rules.hpp"
#include "test_time.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;
using backup_request::test::codes;
using backup_request::test::Codes;
using backup_request::test::utc;

namespace {

const sys_seconds now = utc("2026-11-20T12:00:00Z");

RequestInput valid_input() {
    RequestInput input;
    input.point_in_time = "2026-11-19T09:30:00-05:00";
    input.environments = {"https://Acme-PRD.outsystemsenterprise.com/ServiceCenter/"};
    input.justification =
        "A failed deployment at 14:40 UTC deleted 3,000 invoices from the production database. "
        "Finance cannot close the month.";
    input.contact = " ops@acme.example ";
    input.reference = "INC-4711";
    return input;
}

} // namespace

TEST_CASE("A valid request is accepted and normalized") {
    const auto evaluation = evaluate_request(valid_input(), now);
    CHECK(evaluation.diagnostics.empty());
    REQUIRE(evaluation.request);
    const Request& request = *evaluation.request;
    CHECK(format_utc_time(request.point_in_time) == "2026-11-19T14:30:00Z");
    CHECK(request.created_at == now);
    CHECK(request.environments == std::vector<std::string>{"acme-prd.outsystemsenterprise.com"});
    CHECK(request.contact == "ops@acme.example");
    CHECK(request.reference == "INC-4711");
    CHECK(request.retention_days == 15);
}

TEST_CASE("Every problem is reported in one run, in field order") {
    RequestInput input;
    input.point_in_time = "2026-11-20T14:30:00";
    input.environments = {"localhost", "acme.example.com", "ACME.example.com"};
    input.justification = "tbd";
    input.contact = "nobody";
    const auto evaluation = evaluate_request(input, now);
    CHECK_FALSE(evaluation.request);
    CHECK(codes(evaluation.diagnostics) == Codes{"time-no-zone", "env-single-label", "env-duplicate",
                                                 "justification-placeholder", "contact-invalid"});
}

TEST_CASE("Missing fields are errors of their own") {
    const auto evaluation = evaluate_request(RequestInput{}, now);
    CHECK(codes(evaluation.diagnostics) == Codes{"time-missing", "env-missing", "justification-missing"});
}

TEST_CASE("Warnings travel with the accepted request") {
    auto input = valid_input();
    input.point_in_time = "2026-11-20T11:58:00.250Z";
    input.environments.emplace_back("acme-prd.outsystemsenterprise.com.");
    const auto evaluation = evaluate_request(input, now);
    REQUIRE(evaluation.request);
    CHECK(codes(evaluation.request->warnings) ==
          Codes{"time-subseconds-dropped", "time-too-recent", "env-duplicate"});
}

TEST_CASE("The retention length is checked, and judged with") {
    auto input = valid_input();
    input.retention_days = 0;
    CHECK(codes(evaluate_request(input, now).diagnostics) == Codes{"retention-invalid"});
    input.retention_days = 366;
    CHECK(evaluate_request(input, now).diagnostics.at(0).field == "retention.days");
    input.retention_days = 1; // 21.5 hours old: still inside, leaving in 2.5 hours
    CHECK(codes(evaluate_request(input, now).diagnostics) ==
          Codes{"retention-not-vendor", "time-expires-soon"});
    input.point_in_time = "now-25h";
    CHECK(codes(evaluate_request(input, now).diagnostics) == Codes{"retention-not-vendor", "time-too-old"});
}

TEST_CASE("A window other than the vendor's 15 days is a warning, even when it lets an old point pass") {
    auto input = valid_input();
    input.point_in_time = "now-26d";
    input.retention_days = 365;
    const auto found = evaluate_request(input, now).diagnostics;
    CHECK(codes(found) == Codes{"retention-not-vendor"});
    CHECK(found.at(0).message ==
          "the window is judged with 365 days, but the vendor keeps backups for 15: the "
          "vendor will judge the point in time against 15 days");
    input.retention_days = 15;
    CHECK(codes(evaluate_request(input, now).diagnostics) == Codes{"time-too-old"});
}

TEST_CASE("diagnose_request reports exactly evaluate_request's diagnostics") {
    std::vector<RequestInput> inputs(4, valid_input());
    inputs[1].point_in_time = "2026-10-01T00:00:00Z";                       // aged out
    inputs[2].environments = {"localhost", "10.0.0.1", "acme.example.com"}; // errors and a host
    inputs[3].retention_days = 7;                                           // a warning, still valid
    inputs[3].justification = "Short, but long enough to pass the thirty.";
    for (const auto& input : inputs) {
        const auto evaluation = evaluate_request(input, now);
        const auto diagnostics = diagnose_request(input, now);
        REQUIRE(diagnostics.size() == evaluation.diagnostics.size());
        for (std::size_t i = 0; i < diagnostics.size(); ++i) {
            CHECK(diagnostics[i].code == evaluation.diagnostics[i].code);
            CHECK(diagnostics[i].pointer == evaluation.diagnostics[i].pointer);
            CHECK(diagnostics[i].message == evaluation.diagnostics[i].message);
            CHECK(diagnostics[i].severity == evaluation.diagnostics[i].severity);
        }
    }
    CHECK(diagnose_request(inputs[1], now).front().code == "time-too-old");
    CHECK(diagnose_request(inputs[3], now).size() == 2);
}
