// Renders diagnostics for a terminal or a log: one line each, nothing raw from the user.
#include "backup_request/output/diagnostic_printer.hpp"

#include "backup_request/text/visible_text.hpp"

namespace backup_request {

std::string diagnostic_line(const Diagnostic& diagnostic) {
    std::string line(severity_name(diagnostic.severity));
    line += ": ";
    if (!diagnostic.field.empty()) {
        // A field path can hold a draft's own key: it gets the same visible-text rule as the message.
        line += visible_text(diagnostic.field);
        line += ": ";
    }
    line += visible_text(diagnostic.message);
    line += " [";
    line += diagnostic.code;
    line += "]";
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
