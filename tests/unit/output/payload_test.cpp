// Unit tests for the payload: keys, order, computed fields.
#include "backup_request/output/payload.hpp"
#include "backup_request/rules/request_rules.hpp"
#include "test_time.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;
using backup_request::test::utc;

TEST_CASE("The payload holds the request and the computed window facts, in a fixed order") {
    Request request;
    request.created_at = utc("2026-11-20T12:00:00Z");
    request.point_in_time = utc("2026-11-19T14:30:00Z");
    request.environments = {"acme-prd.outsystemsenterprise.com", "acme-dev.outsystemsenterprise.com"};
    request.justification = "why";
    request.reference = "INC-1";
    request.warnings = {make_warning("env-duplicate", "environments[2]", "twice")};
    const auto payload = to_payload(request);
    CHECK(
        serialize_payload(payload, true) ==
        R"({"schema_version":1,"request_type":"database-backup-access","created_at":"2026-11-20T12:00:00Z",)"
        R"("point_in_time":"2026-11-19T14:30:00Z","retention":{"days":15,"earliest_allowed":"2026-11-05T12:00:00Z",)"
        R"("expires_at":"2026-12-04T14:30:00Z"},"environments":["acme-prd.outsystemsenterprise.com",)"
        R"("acme-dev.outsystemsenterprise.com"],"justification":"why","reference":"INC-1",)"
        R"("access":{"standard_days":7},"warnings":[{"code":"env-duplicate","field":"environments[2]",)"
        R"("message":"twice"}]})"
        "\n");
}

TEST_CASE("An example payload says so, and indentation is 2 spaces") {
    Request request;
    request.example = true;
    request.contact = "ops@acme.example";
    const auto payload = to_payload(request);
    CHECK(payload.at("example") == true);
    CHECK(payload.at("contact") == "ops@acme.example");
    CHECK_FALSE(payload.contains("reference"));
    const std::string text = serialize_payload(payload, false);
    CHECK(text.starts_with("{\n  \"schema_version\": 1,\n  \"request_type\": \"database-backup-access\",\n"));
    CHECK(text.ends_with("}\n"));
}
