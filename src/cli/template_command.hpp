// `backup-request template` prints a draft to fill in; `backup-request schema NAME` prints a JSON Schema.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "command_context.hpp"

#include <CLI/App.hpp>
#include <string>

namespace backup_request {

struct TemplateOptions {
    std::string now;
};

CLI::App* add_template_command(CLI::App& app, TemplateOptions& options);
[[nodiscard]] int run_template(const TemplateOptions& options, CommandContext& context);

struct SchemaOptions {
    std::string name;
};

CLI::App* add_schema_command(CLI::App& app, SchemaOptions& options);
[[nodiscard]] int run_schema(const SchemaOptions& options, CommandContext& context);

} // namespace backup_request
