// The process edge: real arguments, streams, environment and clock handed to run(); whether stdout took
// everything decides between success and exit code 4; unexpected exceptions end here.
#include "backup_request/cli/run.hpp"
#include "backup_request/cli/standard_streams.hpp"
#include "backup_request/exit_code.hpp"

#include <chrono>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <unistd.h>

int main(int argc, char** argv) {
    using namespace backup_request;
    // Closed standard descriptors are held by /dev/null, so a file opened later cannot become "stdout".
    const bool stdin_closed = reserve_if_closed(STDIN_FILENO);
    const bool stdout_closed = reserve_if_closed(STDOUT_FILENO);
    const bool stderr_closed = reserve_if_closed(STDERR_FILENO);
    DescriptorOutput stdout_buffer(STDOUT_FILENO, stdout_closed);
    std::ostream out(&stdout_buffer);
    // Diagnostics are buffered too (a batch writes thousands of lines; unbuffered, each cost ~10 writes), and
    // flushed before anything goes to stdout, so the two keep their order on a terminal.
    DescriptorOutput stderr_buffer(STDERR_FILENO, stderr_closed);
    std::ostream err(&stderr_buffer);
    out.tie(&err);
    ClosedInput closed_stdin;
    std::istream closed_in(&closed_stdin);
    int code = 0;
    try {
        std::ios::sync_with_stdio(false);
        std::istream& in = stdin_closed ? closed_in : std::cin;
        const std::vector<std::string> args(argv + 1, argv + argc);
        const Environment environment{
            [](const std::string& name) -> std::optional<std::string> {
                const char* value = std::getenv(name.c_str());
                return value == nullptr ? std::nullopt : std::optional<std::string>(value);
            },
            [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); },
            ::isatty(STDIN_FILENO) == 1,
            ::isatty(STDOUT_FILENO) == 1,
            ::isatty(STDERR_FILENO) == 1,
        };
        std::cin.tie(&err); // a prompt on stderr is shown before stdin is read
        code = run(args, in, out, err, environment);
    } catch (const std::exception& error) {
        err << "backup-request: internal error: " << error.what()
            << "\nThis is a bug; please report it with the command that caused it.\n";
        code = 70; // EX_SOFTWARE
    }
    err.flush();
    if (const auto failure = finish_output(stdout_buffer, "stdout")) {
        if (!failure->empty()) {
            err << "error: " << *failure << '\n';
        }
        if (code == to_int(ExitCode::ok) || code == to_int(ExitCode::rule_violation)) {
            code = to_int(ExitCode::output);
        }
    }
    (void)finish_output(stderr_buffer, "stderr"); // nowhere left to report a failure of stderr itself
    return code;
}
