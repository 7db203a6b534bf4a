// Decides colour and Unicode drawing from the flag, the stream and the environment.
#include "terminal_style.hpp"

#include "backup_request/text/ascii_text.hpp"

#include <algorithm>
#include <cctype>

namespace backup_request {

bool use_color(const CommandContext& context, bool stream_is_terminal) {
    if (context.color == "always") {
        return true;
    }
    if (context.color == "never") {
        return false;
    }
    const auto no_color = context.environment.variable("NO_COLOR");
    const auto term = context.environment.variable("TERM");
    return stream_is_terminal && !(no_color && !no_color->empty()) && !(term && *term == "dumb") &&
           locale_is_utf8(context.environment);
}

bool locale_is_utf8(const Environment& environment) {
    if (environment.utf8_colour_console) {
        return true;
    }
    // POSIX's precedence: LC_ALL, then LC_CTYPE, then LANG; none set is the C locale.
    for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        if (auto value = environment.variable(name); value && !value->empty()) {
            const std::string lower = to_lower_ascii(*value);
            return lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos;
        }
    }
    return false;
}

} // namespace backup_request
