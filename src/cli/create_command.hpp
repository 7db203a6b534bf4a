// `backup-request create`: flags (and a draft) in, rules applied, payload out.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "command_context.hpp"
#include "request_output.hpp"

#include <CLI/App.hpp>
#include <string>
#include <vector>

namespace backup_request {

struct CreateOptions {
    std::string from;
    std::string at;
    std::string time_zone;
    std::vector<std::string> environments;
    std::string justification;
    std::string justification_file;
    std::string contact;
    std::string reference;
    std::string reference_prefix;
    std::string now;
    OutputOptions output;
    int retention_days = 15;
    bool strict = false;
    bool example = false;
    bool no_input = false;
    bool allow_secrets = false;
};

CLI::App* add_create_command(CLI::App& app, CreateOptions& options);

[[nodiscard]] int run_create(const CLI::App& command, const CreateOptions& options, CommandContext& context);

} // namespace backup_request
