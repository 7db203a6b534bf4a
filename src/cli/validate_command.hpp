// `backup-request validate`: checks drafts (files, stdin, NDJSON batches) against the rules as of now.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "command_context.hpp"
#include "command_table.hpp"

#include <CLI/App.hpp>
#include <string>
#include <vector>

namespace backup_request {

struct ValidateOptions {
    std::vector<std::string> paths;
    std::string format = "human";
    std::string now;
    std::string time_zone;
    bool strict = false;
    bool allow_secrets = false;
    int jobs = 0; // --jobs; 0: the cores available
};

CLI::App* add_validate_command(CLI::App& app, ValidateOptions& options);

[[nodiscard]] CommandResult run_validate(const ValidateOptions& options, CommandContext& context);

[[nodiscard]] Command validate_command();

} // namespace backup_request
