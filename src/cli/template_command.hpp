// `backup-request template`: prints a draft to fill in.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "command_context.hpp"
#include "command_table.hpp"

#include <CLI/App.hpp>
#include <string>

namespace backup_request {

struct TemplateOptions {
    std::string now;
};

CLI::App* add_template_command(CLI::App& app, TemplateOptions& options);
[[nodiscard]] CommandResult run_template(const TemplateOptions& options, CommandContext& context);

[[nodiscard]] Command template_command();

} // namespace backup_request
