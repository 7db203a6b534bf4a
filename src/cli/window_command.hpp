// `backup-request window`: now, the earliest allowed point in time, the newest safe one, and a picture.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "command_context.hpp"
#include "command_table.hpp"

#include <CLI/App.hpp>
#include <string>

namespace backup_request {

struct WindowOptions {
    std::string at;
    std::string time_zone;
    std::string now;
    std::string format = "human";
    int retention_days = 15;
};

CLI::App* add_window_command(CLI::App& app, WindowOptions& options);

[[nodiscard]] CommandResult run_window(const WindowOptions& options, CommandContext& context);

[[nodiscard]] Command window_command();

} // namespace backup_request
