// Unit tests for the request kinds: what each declares, and that one path judges and renders both.
#include "backup_request/drafts/request_kind.hpp"
#include "test_time.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace backup_request;
using backup_request::test::utc;

namespace {

const sys_seconds now = utc("2026-11-20T12:00:00Z");

std::vector<std::string> required_flags(const RequestKind& kind) {
    std::vector<std::string> flags;
    for (const auto& field : kind.fields) {
        if (field.required) {
            flags.push_back(flag_name(field));
        }
    }
    return flags;
}

} // namespace

TEST_CASE("each kind declares its command, request type and required fields") {
    CHECK(backup_access_kind().command == "create");
    CHECK(backup_access_kind().request_type == "database-backup-access");
    CHECK(required_flags(backup_access_kind()) ==
          std::vector<std::string>{"--at", "--env", "--justification"});
    CHECK(access_extension_kind().command == "extend");
    CHECK(access_extension_kind().request_type == "access-extension");
    CHECK(required_flags(access_extension_kind()) ==
          std::vector<std::string>{"--case", "--delivered-at", "--days", "--justification"});
    CHECK(request_kinds().size() == 2);
}

TEST_CASE("a draft's request_type picks its kind, none means backup access") {
    CHECK(&kind_of_draft(nlohmann::json::object()) == &backup_access_kind());
    CHECK(&kind_of_draft({{"request_type", "access-extension"}}) == &access_extension_kind());
    CHECK(&kind_of_draft({{"request_type", "database-backup-access"}}) == &backup_access_kind());
    CHECK(&kind_of_draft(nlohmann::json::array()) == &backup_access_kind());
}

TEST_CASE("judging renders a valid request in every format, and gives no renderer for a broken one") {
    const std::string reason = "A failed deployment at 14:40 UTC deleted 3,000 invoices from production. "
                               "Finance cannot close the month; we need the Invoice table as it was.";
    const nlohmann::json backup = {{"point_in_time", "now-2h"},
                                   {"environments", {"acme-prd.outsystemsenterprise.com"}},
                                   {"justification", reason}};
    const auto judged = backup_access_kind().judge(backup, now, DraftOptions{});
    REQUIRE(judged.render);
    const auto payload = nlohmann::json::parse(judged.render(OutputFormat::json, true));
    CHECK(payload["request_type"] == "database-backup-access");
    CHECK(payload["point_in_time"] == "2026-11-20T10:00:00Z");
    CHECK(judged.render(OutputFormat::markdown, false).starts_with("## Request: temporary access"));

    const nlohmann::json extension = {{"request_type", "access-extension"},
                                      {"case", "00123"},
                                      {"delivered_at", "now-2d"},
                                      {"extension_days", 3},
                                      {"justification", reason}};
    const auto extended = access_extension_kind().judge(extension, now, DraftOptions{});
    REQUIRE(extended.render);
    CHECK(nlohmann::json::parse(extended.render(OutputFormat::json, false))["extension_days"] == 3);

    const auto broken = backup_access_kind().judge({{"point_in_time", "now-99d"}}, now, DraftOptions{});
    CHECK_FALSE(broken.render);
    CHECK(std::any_of(broken.diagnostics.begin(), broken.diagnostics.end(),
                      [](const Diagnostic& d) { return d.code == "time-too-old"; }));
}

TEST_CASE("An --example request is marked as an example in its payload") {
    auto judged =
        backup_access_kind().judge(*backup_access_kind().example, now, DraftOptions{false, {}, true});
    REQUIRE(judged.render);
    CHECK(nlohmann::json::parse(judged.render(OutputFormat::json, true))["example"] == true);
}
