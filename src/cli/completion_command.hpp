// `backup-request completion bash|zsh|fish`: completion scripts built from the CLI definition itself, so a
// new flag completes without anyone editing a script.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "command_context.hpp"
#include "command_table.hpp"

#include <CLI/App.hpp>
#include <string>

namespace backup_request {

struct CompletionOptions {
    std::string shell;
};

CLI::App* add_completion_command(CLI::App& app, CompletionOptions& options);

// The script for `shell` (bash, zsh or fish), from every subcommand and option of `app`.
[[nodiscard]] std::string completion_script(const CLI::App& app, const std::string& shell);

[[nodiscard]] CommandResult run_completion(const CLI::App& app, const CompletionOptions& options,
                                           CommandContext& context);

[[nodiscard]] Command completion_command();

} // namespace backup_request
