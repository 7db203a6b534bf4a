// Turns CLI11's parse errors into our one-line usage messages, with "did you mean" for mistyped flags.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include <CLI/App.hpp>
#include <optional>
#include <string>
#include <vector>

namespace backup_request {

// `command` is the (sub)command being parsed when the error was thrown; `args` the whole command line.
[[nodiscard]] std::string usage_error_message(const CLI::Error& error, CLI::App& command,
                                              const std::vector<std::string>& args);

// The first word of `args` that is in the place of a command but names none ("frobnicate"), skipping the
// values of the top-level options that take one; none when the command is known or absent. `--help` after an
// unknown command is still an unknown command: a script asking `backup-request submit --help` must not be
// told yes.
[[nodiscard]] std::optional<std::string> unknown_command(const CLI::App& app,
                                                         const std::vector<std::string>& args);

} // namespace backup_request
