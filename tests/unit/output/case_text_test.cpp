// Unit tests for the ready-to-paste case text.
#include "backup_request/output/case_text.hpp"
#include "test_time.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;
using backup_request::test::utc;

namespace {

Request sample() {
    Request request;
    request.created_at = utc("2026-11-20T12:00:00Z");
    request.point_in_time = utc("2026-11-19T14:30:00Z");
    request.environments = {"acme-prd.outsystemsenterprise.com"};
    request.justification = "Line one.\nLine two with *stars*.";
    return request;
}

} // namespace

TEST_CASE("Plain text lists the vendor's items in order, then the window facts") {
    const std::string text = case_text(sample(), TextStyle::plain);
    const auto point = text.find("Point in time (UTC): 2026-11-19T14:30:00Z");
    const auto environments = text.find("Environment addresses:\n  - acme-prd.outsystemsenterprise.com");
    const auto justification = text.find("Business justification:\n  Line one.\n  Line two with *stars*.");
    const auto window = text.find("this point in time leaves the window at 2026-12-04T14:30:00Z");
    CHECK(point != std::string::npos);
    CHECK(environments > point);
    CHECK(justification > environments);
    CHECK(window > justification);
}

TEST_CASE("Markdown escapes what it would otherwise format") {
    const std::string text = case_text(sample(), TextStyle::markdown);
    CHECK_THAT(text, Catch::Contains("> Line one.\n> Line two with \\*stars\\*.\n"));
    CHECK_THAT(text, Catch::StartsWith("## Request: temporary access"));
}

TEST_CASE("Terminal escapes in user text are made visible") {
    auto request = sample();
    request.reference = "INC\x1b[2J";
    CHECK_THAT(case_text(request, TextStyle::plain), Catch::Contains("Our reference: INC\\x1b[2J"));
}
