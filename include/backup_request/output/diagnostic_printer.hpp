// Diagnostics as the one-line text people read on stderr: "error: point_in_time: ... [time-too-old]".
#pragma once

#include "backup_request/rules/diagnostic.hpp"
#include "backup_request/text/visible_text.hpp"

#include <ostream>
#include <string>
#include <string_view>

namespace backup_request {

[[nodiscard]] std::string diagnostic_line(const Diagnostic& diagnostic);
// "error: WHERE: message [code]" appended to `out`, with `where` (the field, or validate's JSON pointer; left
// out when empty) and the message made visible.
void append_diagnostic_text(std::string& out, const Diagnostic& diagnostic, std::string_view where);

// Prints each diagnostic on its own line; warnings are left out when `show_warnings` is false.
void print_diagnostics(std::ostream& err, const Diagnostics& diagnostics, bool show_warnings);

} // namespace backup_request
