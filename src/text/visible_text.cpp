// Escapes what a terminal would act on; everything printable passes unchanged.
#include "backup_request/text/visible_text.hpp"

#include "backup_request/text/utf8_text.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace backup_request {

namespace {

std::string escaped(const char* format, unsigned value) {
    std::array<char, 16> buffer{};
    std::snprintf(buffer.data(), buffer.size(), format, value);
    return buffer.data();
}

// Bidirectional overrides and isolates reorder what a terminal shows ("Trojan Source"), so they are shown as
// codes.
bool is_bidi_control(char32_t cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

std::string visible(std::string_view text, bool keep_tabs) {
    // Printable ASCII needs no change: most messages are that, copied at once up to the first other byte.
    const auto* other = std::find_if(text.begin(), text.end(), [keep_tabs](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && !(keep_tabs && byte == '\t')) || byte >= 0x7F;
    });
    auto i = static_cast<std::size_t>(other - text.begin());
    if (i == text.size()) {
        return std::string(text);
    }
    std::string out;
    out.reserve(text.size());
    out.append(text.substr(0, i));
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            out += "\\n";
        } else if (byte == '\t') {
            out += keep_tabs ? "\t" : "\\t";
        } else if (byte < 0x20 || byte == 0x7F) {
            out += escaped("\\x%02x", byte);
        } else if (byte < 0x80) {
            out += static_cast<char>(byte);
        } else {
            const Utf8Sequence sequence = utf8_sequence_at(text, i);
            if (sequence.length == 0) {
                out += escaped("\\x%02x", byte); // invalid UTF-8: shown byte by byte, never passed on raw
            } else if (sequence.code_point < 0xA0) {
                out += escaped("\\x%02x",
                               static_cast<unsigned>(sequence.code_point)); // C1 controls, CSI among them
                i += sequence.length;
                continue;
            } else if (is_bidi_control(sequence.code_point)) {
                out += escaped("\\u{%04x}", static_cast<unsigned>(sequence.code_point));
                i += sequence.length;
                continue;
            } else {
                out.append(text.substr(i, sequence.length));
                i += sequence.length;
                continue;
            }
        }
        ++i;
    }
    return out;
}

} // namespace

std::string visible_text(std::string_view text) {
    return visible(text, false);
}

std::string visible_text_keeping_tabs(std::string_view text) {
    return visible(text, true);
}

} // namespace backup_request
