// Renders diagnostics for a terminal or a log: one line each, nothing raw from the user.
#include "backup_request/cli/diagnostic_printer.hpp"

#include <array>
#include <cstdio>

namespace backup_request {

std::string visible_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        // C1 controls arrive in UTF-8 as 0xC2 0x80..0x9F; CSI (0x9B) among them starts escape sequences too.
        const bool c1 = byte == 0xC2 && i + 1 < text.size() &&
                        static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(text[i + 1]) < 0xA0;
        if (byte == '\n') {
            out += "\\n";
        } else if (byte == '\t') {
            out += "\\t";
        } else if (byte < 0x20 || byte == 0x7F || c1) {
            const unsigned value = c1 ? static_cast<unsigned char>(text[++i]) : byte;
            std::array<char, 8> buffer{};
            std::snprintf(buffer.data(), buffer.size(), "\\x%02x", value);
            out += buffer.data();
        } else {
            out += static_cast<char>(byte);
        }
    }
    return out;
}

std::string diagnostic_line(const Diagnostic& diagnostic) {
    std::string line(severity_name(diagnostic.severity));
    line += ": ";
    if (!diagnostic.field.empty()) {
        line += diagnostic.field;
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
