// `backup-request schema NAME`: prints a published JSON Schema.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "command_context.hpp"
#include "command_table.hpp"

#include <CLI/App.hpp>
#include <string>

namespace backup_request {

struct SchemaOptions {
    std::string name;
};

CLI::App* add_schema_command(CLI::App& app, SchemaOptions& options);
[[nodiscard]] CommandResult run_schema(const SchemaOptions& options, CommandContext& context);

[[nodiscard]] Command schema_command();

} // namespace backup_request
