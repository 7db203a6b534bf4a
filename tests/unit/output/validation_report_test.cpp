// Unit tests for validation results: validity, totals, human lines and the JSON report.
#include "backup_request/output/validation_report.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace backup_request;

namespace {

DraftResult with(Diagnostics diagnostics, bool strict = false) {
    DraftResult result{"drafts.ndjson", 3, std::move(diagnostics), false};
    result.strict = strict;
    return result;
}

} // namespace

TEST_CASE("A draft is valid without errors, and without warnings when strict") {
    CHECK(is_valid(with({})));
    CHECK(is_valid(with({make_warning("w", "f", "m")})));
    CHECK_FALSE(is_valid(with({make_warning("w", "f", "m")}, true)));
    CHECK_FALSE(is_valid(with({make_error("e", "f", "m")})));
}

TEST_CASE("Human lines: source, line, severity, pointer, message, code") {
    std::ostringstream err;
    print_draft_result(
        err, with({make_error("env-port", "environments[1]", "has a port"), make_warning("w", "", "m")}),
        true);
    CHECK(err.str() == "drafts.ndjson:3: error: /environments/1: has a port [env-port]\n"
                       "drafts.ndjson:3: warning: m [w]\n");
    DraftResult unreadable{
        "missing.json", std::nullopt, {make_error("input-unreadable", "", "cannot read it")}, true};
    std::ostringstream err2;
    print_draft_result(err2, unreadable, false);
    CHECK(err2.str() == "missing.json: error: cannot read it [input-unreadable]\n");
}

TEST_CASE("Summary line") {
    ReportTotals totals;
    totals.add(with({}));
    totals.add(with({make_error("e", "f", "m"), make_warning("w", "f", "m"), make_warning("w", "g", "m")}));
    CHECK(summary_line(totals) == "2 drafts checked: 1 valid, 1 invalid, 2 warnings");
    totals.add(DraftResult{"x", std::nullopt, {make_error("input-unreadable", "", "m")}, true});
    CHECK(summary_line(totals) == "2 drafts checked: 1 valid, 1 invalid, 2 warnings, 1 unreadable input");
    CHECK(totals.input_failure);
    ReportTotals one;
    one.add(with({make_warning("w", "f", "m")}));
    CHECK(summary_line(one) == "1 draft checked: 1 valid, 0 invalid, 1 warning");
}

TEST_CASE("The JSON report is streamed and well formed") {
    std::ostringstream out;
    ReportTotals totals;
    JsonReportWriter writer(out);
    for (const auto& result : {with({}), with({make_error("env-port", "environments[1]", "has a port")})}) {
        totals.add(result);
        writer.add(result);
    }
    writer.finish(totals);
    CHECK(
        out.str() ==
        R"({"format_version":"1.0","drafts":[{"source":"drafts.ndjson","line":3,"valid":true,"diagnostics":[]},)"
        R"({"source":"drafts.ndjson","line":3,"valid":false,"diagnostics":[{"severity":"error","code":"env-port",)"
        R"("pointer":"/environments/1","message":"has a port"}]}],"valid":false,"error_count":1,"warning_count":0})"
        "\n");
    CHECK(nlohmann::json::parse(out.str())["drafts"].size() == 2);
}

TEST_CASE("Entries and tallies made on another thread write the same report as the results themselves") {
    const std::vector<DraftResult> results = {
        with({}), with({make_error("env-port", "environments[1]", "has a \"port\"\n")}),
        with({make_warning("w", "", "m")}, true),
        DraftResult{"missing.json", std::nullopt, {make_error("input-unreadable", "", "gone")}, true}};
    std::ostringstream direct;
    ReportTotals direct_totals;
    JsonReportWriter direct_writer(direct);
    std::ostringstream rendered;
    ReportTotals rendered_totals;
    JsonReportWriter rendered_writer(rendered);
    for (const auto& result : results) {
        direct_totals.add(result);
        direct_writer.add(result);
        std::string entry;
        append_report_entry(entry, result);
        rendered_totals.add(tally(result));
        rendered_writer.add_entry(entry);
    }
    direct_writer.finish(direct_totals);
    rendered_writer.finish(rendered_totals);
    CHECK(rendered.str() == direct.str());
    CHECK(summary_line(rendered_totals) ==
          "3 drafts checked: 1 valid, 2 invalid, 1 warning, 1 unreadable input");
    const DraftTally strict_warning = tally(results[2]);
    CHECK(strict_warning.read);
    CHECK_FALSE(strict_warning.valid);
    CHECK(strict_warning.errors == 0);
    CHECK(strict_warning.warnings == 1);
    CHECK_FALSE(tally(results[3]).read);
    CHECK(tally(results[3]).input_failure);
    std::string lines;
    append_draft_result(lines, results[1], true);
    CHECK(lines == "drafts.ndjson:3: error: /environments/1: has a \"port\"\\n [env-port]\n");
}
