// The program's entry point with everything from outside passed in, so tests can run it without a process.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "backup_request/time/utc_time.hpp"

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace backup_request {

struct Environment {
    std::function<std::optional<std::string>(const std::string&)> variable; // getenv
    std::function<sys_seconds()> clock;                                     // the system clock
    bool stdin_is_terminal = false;
    bool stdout_is_terminal = false;
    bool stderr_is_terminal = false;
    // A Windows console set to UTF-8 with ANSI sequences on; POSIX says it through the locale variables.
    bool utf8_colour_console = false;
    std::size_t stderr_columns = 0; // the terminal's width on stderr; 0 when unknown
    std::size_t stdout_columns = 0; // the terminal's width on stdout; 0 when unknown or not a terminal
};

// `args` without the program name. Returns the exit code (see exit_code.hpp).
[[nodiscard]] int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
                      std::ostream& err, const Environment& environment);

} // namespace backup_request
