// The process's start on this system: its arguments in UTF-8, and standard streams that carry bytes
// unchanged.
#pragma once

#include <string>
#include <vector>

namespace backup_request::platform {

struct ConsoleSetup {
    // The console shows UTF-8 and understands ANSI colour sequences (Windows, once turned on). False on
    // POSIX, where the locale and TERM say it instead.
    bool utf8_colour_console = false;
};

// Standard streams in binary mode (no CRLF translation, no Ctrl+Z end), the console's output code page UTF-8
// and its virtual-terminal mode on where it can be turned on. On POSIX, SIGPIPE is ignored, so a reader that
// went away is an EPIPE to report (exit 4), as on Windows.
ConsoleSetup prepare_console();

// The command-line arguments without the program name, in UTF-8 whatever the system's code page.
[[nodiscard]] std::vector<std::string> command_line_arguments(int argc, char** argv);

} // namespace backup_request::platform
