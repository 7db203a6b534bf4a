// User text made safe to print on a terminal or in a log line.
#pragma once

#include <string>
#include <string_view>

namespace backup_request {

// Control characters and escape sequences in user text made visible ("\x1b", "\n"), so text from a draft or a
// flag can neither repaint a terminal nor fake a second diagnostic line.
[[nodiscard]] std::string visible_text(std::string_view text);

// The same, with tabs kept as tabs: for a case body, where a tab in a justification is the user's own layout
// (a diagnostic escapes it, to stay one aligned line).
[[nodiscard]] std::string visible_text_keeping_tabs(std::string_view text);

} // namespace backup_request
