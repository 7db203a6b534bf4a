// Renders diagnostics for a terminal or a log: one line each, nothing raw from the user.
#include "backup_request/output/diagnostic_printer.hpp"

#include "backup_request/text/visible_text.hpp"

namespace backup_request {

void append_diagnostic_text(std::string& out, const Diagnostic& diagnostic, std::string_view where) {
    out += severity_name(diagnostic.severity);
    out += ": ";
    if (!where.empty()) {
        // A field path can hold a draft's own key: it gets the same visible-text rule as the message.
        out += visible_text(where);
        out += ": ";
    }
    out += visible_text(diagnostic.message);
    out += " [";
    out += diagnostic.code;
    out += "]";
}

std::string diagnostic_line(const Diagnostic& diagnostic) {
    std::string line;
    append_diagnostic_text(line, diagnostic, diagnostic.field);
    return line;
}

void print_diagnostics(std::ostream& err, const Diagnostics& diagnostics, bool show_warnings) {
    for (const auto& diagnostic : diagnostics) {
        if (diagnostic.severity == Severity::warning && !show_warnings) {
            continue;
        }
        err << diagnostic_line(diagnostic) << '\n';
    }
}

} // namespace backup_request
