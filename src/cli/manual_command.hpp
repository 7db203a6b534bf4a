// The backup-request(1) man page, written from the CLI definition itself so it cannot drift from the real
// flags.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "command_context.hpp"
#include "command_table.hpp"

#include <CLI/App.hpp>
#include <string>

namespace backup_request {

// A hidden command: `backup-request manual` prints the page in roff; the build installs its output.
CLI::App* add_manual_command(CLI::App& app);

[[nodiscard]] std::string manual_page(const CLI::App& app);

[[nodiscard]] CommandResult run_manual(const CLI::App& app, CommandContext& context);

[[nodiscard]] Command manual_command();

} // namespace backup_request
