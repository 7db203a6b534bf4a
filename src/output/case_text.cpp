// Renders requests as case text. One small writer serves both styles, so their content cannot differ.
#include "backup_request/output/case_text.hpp"

#include "backup_request/output/diagnostic_printer.hpp"
#include "backup_request/output/markdown_text.hpp"
#include "backup_request/rules/request.hpp"
#include "backup_request/time/duration_text.hpp"
#include "backup_request/time/retention_window.hpp"

#include <sstream>

namespace backup_request {
namespace {

// User text, safe for a terminal, with its own line breaks kept.
std::string safe_lines(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        if (start != 0) {
            out += '\n';
        }
        out += visible_text(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

class CaseWriter {
  public:
    explicit CaseWriter(TextStyle style) : style_(style) {}

    void title(std::string_view text) {
        out_ << (markdown() ? "## " : "") << text << "\n";
        if (!markdown()) {
            out_ << std::string(text.size(), '=') << "\n";
        }
        out_ << "\n";
    }

    void warning_banner(std::string_view text) {
        out_ << (markdown() ? "> **" : "*** ") << text << (markdown() ? "**\n\n" : " ***\n\n");
    }

    void item(std::string_view label, std::string_view value) {
        if (markdown()) {
            out_ << "**" << label << ":** " << markdown_code_span(value) << "\n\n";
        } else {
            out_ << label << ": " << value << "\n";
        }
    }

    void list(std::string_view label, const std::vector<std::string>& values) {
        out_ << (markdown() ? "**" : "") << label << (markdown() ? ":**\n\n" : ":\n");
        for (const auto& value : values) {
            if (markdown()) {
                out_ << "- " << markdown_code_span(safe_lines(value)) << "\n";
            } else {
                out_ << "  - " << safe_lines(value) << "\n";
            }
        }
        out_ << (markdown() ? "\n" : "");
    }

    void block(std::string_view label, std::string_view text) {
        out_ << (markdown() ? "**" : "") << label << (markdown() ? ":**\n\n" : ":\n");
        const std::string safe = safe_lines(text);
        std::size_t start = 0;
        while (start <= safe.size()) {
            const std::size_t end = std::min(safe.find('\n', start), safe.size());
            const std::string_view line = std::string_view(safe).substr(start, end - start);
            out_ << (markdown() ? ">" : "  ") << (markdown() && !line.empty() ? " " : "")
                 << (markdown() ? markdown_escaped_line(line) : std::string(line)) << "\n";
            start = end + 1;
        }
        out_ << "\n";
    }

    void gap() {
        if (!markdown()) {
            out_ << "\n";
        }
    }

    void fact(std::string_view text) { out_ << (markdown() ? "- " : "  - ") << text << "\n"; }

    void section(std::string_view label) {
        out_ << (markdown() ? "### " : "") << label << (markdown() ? "\n\n" : ":\n");
    }

    std::string finish() { return out_.str(); }

  private:
    [[nodiscard]] bool markdown() const { return style_ == TextStyle::markdown; }
    TextStyle style_;
    std::ostringstream out_;
};

// The optional contact and reference, shared by both kinds of case.
void contact_items(CaseWriter& writer, const std::optional<std::string>& contact,
                   const std::optional<std::string>& reference) {
    if (contact) {
        writer.item("Contact", safe_lines(*contact));
    }
    if (reference) {
        writer.item("Our reference", safe_lines(*reference));
    }
}

} // namespace

std::string case_text(const Request& request, TextStyle style) {
    CaseWriter writer(style);
    writer.title("Request: temporary access to an OutSystems Cloud database backup");
    if (request.example) {
        writer.warning_banner("EXAMPLE - made up by backup-request create --example; do not file it");
    }
    writer.item("Point in time (UTC)", format_utc_time(request.point_in_time));
    if (request.entered_as) {
        writer.item("Entered as local time",
                    request.entered_as->local + " " + safe_lines(request.entered_as->time_zone));
    }
    writer.gap();
    writer.list("Environment addresses", request.environments);
    writer.gap();
    writer.block("Business justification", request.justification);
    contact_items(writer, request.contact, request.reference);
    if (request.contact || request.reference) {
        writer.gap();
    }
    const auto window = retention_window(request.created_at, request.retention_days);
    const auto leaves = window_exit_time(request.point_in_time, request.retention_days);
    writer.section("Retention window (" + std::to_string(request.retention_days) + " days, as of " +
                   format_utc_time(request.created_at) + ")");
    writer.fact("earliest point in time that can be restored now: " + format_utc_time(window.earliest));
    writer.fact("this point in time leaves the window at " + format_utc_time(leaves) + ", in " +
                duration_text(leaves - request.created_at));
    writer.fact("access is asked for the standard " + std::to_string(standard_access_days) + " days");
    return writer.finish();
}

std::string extension_case_text(const ExtensionRequest& request, TextStyle style) {
    CaseWriter writer(style);
    writer.title("Request: extend access to a restored database backup");
    writer.item("Support case", safe_lines(request.case_id));
    if (request.delivered_at) {
        writer.item("Access delivered at (UTC)", format_utc_time(*request.delivered_at));
    }
    writer.item("Access expires at (UTC)", format_utc_time(request.access_expires_at));
    writer.item("Extension asked for", std::to_string(request.days) + (request.days == 1 ? " day" : " days"));
    writer.item("Access until (UTC)", format_utc_time(requested_expires_at(request)));
    writer.gap();
    writer.block("Business justification", request.justification);
    contact_items(writer, request.contact, request.reference);
    return writer.finish();
}

} // namespace backup_request
