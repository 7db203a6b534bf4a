// The process's start on POSIX systems: arguments are bytes already, streams carry bytes unchanged.
#include "backup_request/platform/console.hpp"

#include <csignal>

namespace backup_request::platform {

ConsoleSetup prepare_console() {
    // A reader that goes away (`| head -c 10`) is then EPIPE on the write, which the program turns into exit 4
    // without a message, as the exit-code table says and as on Windows, rather than death by SIGPIPE (141).
    std::signal(SIGPIPE, SIG_IGN);
    return {};
}

std::vector<std::string> command_line_arguments(int argc, char** argv) {
    return {argv + 1, argv + argc};
}

} // namespace backup_request::platform
