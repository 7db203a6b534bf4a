// The process edge: real arguments, streams, environment and clock handed to run(); unexpected exceptions end
// here.
#include "backup_request/cli/run.hpp"

#include <chrono>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <unistd.h>

int main(int argc, char** argv) {
    try {
        std::ios::sync_with_stdio(false);
        const std::vector<std::string> args(argv + 1, argv + argc);
        const backup_request::Environment environment{
            [](const std::string& name) -> std::optional<std::string> {
                const char* value = std::getenv(name.c_str());
                return value == nullptr ? std::nullopt : std::optional<std::string>(value);
            },
            [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); },
            ::isatty(STDIN_FILENO) == 1,
            ::isatty(STDOUT_FILENO) == 1,
            ::isatty(STDERR_FILENO) == 1,
        };
        return backup_request::run(args, std::cin, std::cout, std::cerr, environment);
    } catch (const std::exception& error) {
        std::cerr << "backup-request: internal error: " << error.what()
                  << "\nThis is a bug; please report it with the command that caused it.\n";
        return 70; // EX_SOFTWARE
    }
}
