// User text made safe to print on a terminal or in a log line.
#pragma once

#include <string>
#include <string_view>

namespace backup_request {

// Control characters and escape sequences in user text made visible ("\x1b", "\n"), so text from a draft or a
// flag can neither repaint a terminal nor fake a second diagnostic line.
[[nodiscard]] std::string visible_text(std::string_view text);

} // namespace backup_request
