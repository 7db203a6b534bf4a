// Diagnostics as the one-line text people read on stderr: "error: point_in_time: ... [time-too-old]".
#pragma once

#include "backup_request/diagnostic.hpp"

#include <ostream>
#include <string>
#include <string_view>

namespace backup_request {

// Control characters and escape sequences in user text made visible ("\x1b", "\n"), so text from a draft or a
// flag can neither repaint a terminal nor fake a second diagnostic line.
[[nodiscard]] std::string visible_text(std::string_view text);

[[nodiscard]] std::string diagnostic_line(const Diagnostic& diagnostic);

// Prints each diagnostic on its own line; warnings are left out when `show_warnings` is false.
void print_diagnostics(std::ostream& err, const Diagnostics& diagnostics, bool show_warnings);

} // namespace backup_request
