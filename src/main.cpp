// The process edge: real arguments, streams, environment and clock handed to run(); whether stdout took
// everything decides between success and exit code 4; unexpected exceptions end here.
#include "backup_request/cli/run.hpp"
#include "backup_request/cli/standard_streams.hpp"
#include "backup_request/exit_code.hpp"
#include "backup_request/platform/console.hpp"
#include "backup_request/platform/descriptors.hpp"
#include "backup_request/platform/folders.hpp"
#include "backup_request/time/time_zone.hpp"

#include <chrono>
#include <cstdlib>
#include <exception>
#include <istream>
#include <ostream>

int main(int argc, char** argv) {
    using namespace backup_request;
    using namespace backup_request::platform;
    const ConsoleSetup console = prepare_console();
    // Closed standard descriptors are held by the null device, so a file opened later cannot become "stdout".
    const bool stdin_closed = reserve_if_closed(standard_input);
    const bool stdout_closed = reserve_if_closed(standard_output);
    const bool stderr_closed = reserve_if_closed(standard_error);
    DescriptorOutput stdout_buffer(standard_output, stdout_closed);
    std::ostream out(&stdout_buffer);
    // Diagnostics are buffered too (a batch writes thousands of lines; unbuffered, each cost ~10 writes), and
    // flushed before anything goes to stdout, so the two keep their order on a terminal.
    DescriptorOutput stderr_buffer(standard_error, stderr_closed);
    std::ostream err(&stderr_buffer);
    out.tie(&err);
    DescriptorInput stdin_buffer(standard_input, stdin_closed);
    std::istream in(&stdin_buffer);
    in.tie(&err); // a prompt on stderr is shown before stdin is read
    int code = 0;
    try {
        if (time_zones_are_bundled()) { // Windows: the zone files travel beside the program
            use_bundled_time_zones(executable_folder());
        }
        const std::vector<std::string> args = command_line_arguments(argc, argv);
        const Environment environment{
            [](const std::string& name) -> std::optional<std::string> {
                const char* value = std::getenv(name.c_str());
                return value == nullptr ? std::nullopt : std::optional<std::string>(value);
            },
            [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); },
            is_terminal(standard_input),
            is_terminal(standard_output),
            is_terminal(standard_error),
            console.utf8_colour_console,
            terminal_columns(standard_error),
            terminal_columns(standard_output),
        };
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
