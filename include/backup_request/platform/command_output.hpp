// Running a command the user configured and reading what it prints: a tracker's `token_command` prints the
// credential (as git's credential helpers and AWS's credential_process do), so no secret sits in a file or in
// argv. Starting a process differs by system.
#pragma once

#include <chrono>
#include <string>
#include <variant>

namespace backup_request::platform {

struct CommandOutputFailure {
    std::string
        message; // one line: "could not start: ...", "exited with status 1", "still running after 10 s"
};

// Runs `command` through the system's shell (sh -c; cmd.exe /c on Windows) with stdin empty and stderr the
// user's, and returns what it printed on stdout (at most 64 KiB), or why not. A command still running after
// `timeout` is killed (with what it started, on POSIX).
[[nodiscard]] std::variant<std::string, CommandOutputFailure>
command_output(const std::string& command, std::chrono::milliseconds timeout);

} // namespace backup_request::platform
