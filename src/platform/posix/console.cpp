// The process's start on POSIX systems: arguments are bytes already, streams carry bytes unchanged.
#include "backup_request/platform/console.hpp"

namespace backup_request::platform {

ConsoleSetup prepare_console() {
    return {};
}

std::vector<std::string> command_line_arguments(int argc, char** argv) {
    return {argv + 1, argv + argc};
}

} // namespace backup_request::platform
