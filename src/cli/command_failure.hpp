// The one error convention of the commands: a command returns its outcome, an exit code, or a fatal failure
// as a value (exit code and message). Helpers return failures too and never print them; run() prints each
// one, once, the same way.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "backup_request/exit_code.hpp"

#include <iosfwd>
#include <string>
#include <variant>
#include <vector>

namespace backup_request {

struct CommandFailure {
    ExitCode code = ExitCode::usage;
    std::vector<std::string> messages; // each printed as "error: MESSAGE", control characters made visible
    std::string hint;                  // a last line, like "Run 'backup-request create --help' for usage."
};

// What a command ends with: an exit code after its own output (0, or 1 with diagnostics printed), or a
// failure for run() to print.
using CommandResult = std::variant<ExitCode, CommandFailure>;

// A value, or the failure that stopped it.
template <typename T> using OrFailure = std::variant<T, CommandFailure>;

// A usage error (exit 2) with the hint to `command`'s --help ("" for the tool's).
[[nodiscard]] CommandFailure usage_failure(const std::string& command, std::string message);

// Any other failure: an input (3), an output (4), a rule broken at the last step (1).
[[nodiscard]] CommandFailure failure(ExitCode code, std::string message);

// A failure that is about the config file: the hint says to fix it there.
[[nodiscard]] CommandFailure config_failure(ExitCode code, std::vector<std::string> messages);

// Prints a failure ("error: ..." and the hint); returns the process's exit code for the result.
[[nodiscard]] int report(const CommandResult& result, std::ostream& err);

} // namespace backup_request
