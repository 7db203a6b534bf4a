// Formats validation results; the JSON report follows the shape of `terraform validate -json`.
#include "backup_request/output/validation_report.hpp"

#include "backup_request/output/diagnostic_printer.hpp"
#include "backup_request/text/utf8_text.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <ostream>

namespace backup_request {

bool is_valid(const DraftResult& result) {
    return !has_errors(result.diagnostics) &&
           !(result.strict && count(result.diagnostics, Severity::warning) > 0);
}

DraftTally tally(const DraftResult& result) {
    return {result.line.has_value(), is_valid(result), count(result.diagnostics, Severity::error),
            count(result.diagnostics, Severity::warning), result.input_failure};
}

void ReportTotals::add(const DraftResult& result) {
    add(tally(result));
}

void ReportTotals::add(const DraftTally& tally) {
    if (!tally.read) {
        ++unreadable;
    } else {
        ++drafts;
    }
    if (tally.valid) {
        ++valid;
    } else {
        ++invalid;
    }
    errors += tally.errors;
    warnings += tally.warnings;
    input_failure = input_failure || tally.input_failure;
}

void append_draft_result(std::string& out, const DraftResult& result, bool show_warnings) {
    std::string location; // built at the first line printed: most drafts of a batch print none
    for (const auto& diagnostic : result.diagnostics) {
        if (diagnostic.severity == Severity::warning && !show_warnings) {
            continue;
        }
        if (location.empty()) {
            location = visible_text(result.source);
            if (result.line) {
                location += ":" + std::to_string(*result.line);
            }
        }
        out += location;
        out += ": ";
        append_diagnostic_text(out, diagnostic, diagnostic.pointer);
        out += '\n';
    }
}

void print_draft_result(std::ostream& err, const DraftResult& result, bool show_warnings) {
    std::string text;
    append_draft_result(text, result, show_warnings);
    err << text;
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

namespace {

// A JSON string literal, as nlohmann's serializer with error_handler_t::replace writes it, without building a
// json value per field: the report gets one entry per draft of a batch, and this was an eighth of the time.
// Printable ASCII other than '"' and '\\' is written as it is: most of every field.
bool is_plain_json_byte(unsigned char byte) {
    return byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\';
}

// Eight bytes at a time, the usual bit tricks: none with its high bit, below 0x20, '"' or '\\'. Messages
// and sources are long, and the reading thread writes every one of them.
bool plain_word(const char* bytes) {
    constexpr std::uint64_t ones = 0x0101010101010101U;
    constexpr std::uint64_t highs = 0x8080808080808080U;
    std::uint64_t word = 0;
    std::memcpy(&word, bytes, 8);
    const auto has_zero_byte = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
    const std::uint64_t suspect = (word & highs) | ((word - ones * 0x20U) & ~word & highs) |
                                  has_zero_byte(word ^ (ones * '"')) | has_zero_byte(word ^ (ones * '\\'));
    return suspect == 0;
}

void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t plain_end = i;
        while (plain_end + 8 <= text.size() && plain_word(text.data() + plain_end)) {
            plain_end += 8;
        }
        while (plain_end < text.size() && is_plain_json_byte(static_cast<unsigned char>(text[plain_end]))) {
            ++plain_end;
        }
        if (plain_end != i) {
            out.append(text.data() + i, plain_end - i);
            i = plain_end;
            continue;
        }
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '"' || byte == '\\') {
            out += '\\';
            out += static_cast<char>(byte);
        } else if (byte == '\n') {
            out += "\\n";
        } else if (byte == '\t') {
            out += "\\t";
        } else if (byte < 0x20) {
            std::array<char, 8> buffer{};
            std::snprintf(buffer.data(), buffer.size(), "\\u%04x", byte);
            out += buffer.data();
        } else if (byte < 0x80) {
            out += static_cast<char>(byte);
        } else {
            const Utf8Sequence sequence = utf8_sequence_at(text, i);
            if (sequence.length == 0) {
                out += "\xEF\xBF\xBD"; // U+FFFD for a byte that is not UTF-8
            } else {
                out.append(text.substr(i, sequence.length));
                i += sequence.length;
                continue;
            }
        }
        ++i;
    }
    out += '"';
}

} // namespace

void append_report_entry(std::string& out, const DraftResult& result) {
    out += "{\"source\":";
    append_json_string(out, result.source);
    out += ",\"line\":";
    out += result.line ? std::to_string(*result.line) : "null";
    out += is_valid(result) ? R"(,"valid":true,"diagnostics":[)" : R"(,"valid":false,"diagnostics":[)";
    bool first_diagnostic = true;
    for (const auto& diagnostic : result.diagnostics) {
        out += first_diagnostic ? "{\"severity\":" : ",{\"severity\":";
        append_json_string(out, severity_name(diagnostic.severity));
        out += ",\"code\":";
        append_json_string(out, diagnostic.code);
        out += ",\"pointer\":";
        append_json_string(out, diagnostic.pointer);
        out += ",\"message\":";
        append_json_string(out, diagnostic.message);
        out += '}';
        first_diagnostic = false;
    }
    out += "]}";
}

void JsonReportWriter::add(const DraftResult& result) {
    entry_.clear(); // one buffer for every entry
    append_report_entry(entry_, result);
    add_entry(entry_);
}

void JsonReportWriter::add_entry(std::string_view entry) {
    if (!first_) {
        out_ << ',';
    }
    out_ << entry;
    first_ = false;
}

void JsonReportWriter::finish(const ReportTotals& totals) {
    out_ << R"(],"valid":)" << (totals.invalid == 0 ? "true" : "false") << R"(,"error_count":)"
         << totals.errors << R"(,"warning_count":)" << totals.warnings << "}\n";
}

} // namespace backup_request
