// Formats validation results; the JSON report follows the shape of `terraform validate -json`.
#include "backup_request/validation_report.hpp"

#include "backup_request/cli/diagnostic_printer.hpp"

#include <nlohmann/json.hpp>
#include <ostream>

namespace backup_request {

bool is_valid(const DraftResult& result) {
    return !has_errors(result.diagnostics) &&
           !(result.strict && count(result.diagnostics, Severity::warning) > 0);
}

void ReportTotals::add(const DraftResult& result) {
    if (!result.line) {
        ++unreadable;
    } else {
        ++drafts;
    }
    if (is_valid(result)) {
        ++valid;
    } else {
        ++invalid;
    }
    errors += count(result.diagnostics, Severity::error);
    warnings += count(result.diagnostics, Severity::warning);
    input_failure = input_failure || result.input_failure;
}

void print_draft_result(std::ostream& err, const DraftResult& result, bool show_warnings) {
    std::string location = visible_text(result.source);
    if (result.line) {
        location += ":" + std::to_string(*result.line);
    }
    for (const auto& diagnostic : result.diagnostics) {
        if (diagnostic.severity == Severity::warning && !show_warnings) {
            continue;
        }
        err << location << ": " << severity_name(diagnostic.severity) << ": ";
        if (!diagnostic.pointer.empty()) {
            err << visible_text(diagnostic.pointer) << ": ";
        }
        err << visible_text(diagnostic.message) << " [" << diagnostic.code << "]\n";
    }
}

std::string summary_line(const ReportTotals& totals) {
    const auto plural = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    return plural(totals.drafts, "draft", "drafts") + " checked: " + std::to_string(totals.valid) +
           " valid, " + std::to_string(totals.invalid - totals.unreadable) + " invalid, " +
           plural(totals.warnings, "warning", "warnings") +
           (totals.unreadable == 0
                ? ""
                : ", " + plural(totals.unreadable, "unreadable input", "unreadable inputs"));
}

JsonReportWriter::JsonReportWriter(std::ostream& out) : out_(out) {
    out_ << R"({"format_version":")" << report_format_version << R"(","drafts":[)";
}

void JsonReportWriter::add(const DraftResult& result) {
    nlohmann::ordered_json entry;
    entry["source"] = result.source;
    entry["line"] = result.line ? nlohmann::ordered_json(*result.line) : nlohmann::ordered_json(nullptr);
    entry["valid"] = is_valid(result);
    auto diagnostics = nlohmann::ordered_json::array();
    for (const auto& diagnostic : result.diagnostics) {
        diagnostics.push_back({{"severity", severity_name(diagnostic.severity)},
                               {"code", diagnostic.code},
                               {"pointer", diagnostic.pointer},
                               {"message", diagnostic.message}});
    }
    entry["diagnostics"] = std::move(diagnostics);
    out_ << (first_ ? "" : ",")
         << entry.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    first_ = false;
}

void JsonReportWriter::finish(const ReportTotals& totals) {
    out_ << R"(],"valid":)" << (totals.invalid == 0 ? "true" : "false") << R"(,"error_count":)"
         << totals.errors << R"(,"warning_count":)" << totals.warnings << "}\n";
}

} // namespace backup_request
