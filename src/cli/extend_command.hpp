// `backup-request extend`: an access-extension request for a restored backup, from flags or a draft.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "command_context.hpp"
#include "request_output.hpp"

#include <CLI/App.hpp>
#include <string>

namespace backup_request {

struct ExtendOptions {
    std::string from;
    std::string case_id;
    std::string delivered_at;
    std::string expires_at;
    std::string time_zone;
    int days = 0;
    std::string justification;
    std::string justification_file;
    std::string contact;
    std::string reference;
    std::string reference_prefix;
    std::string now;
    OutputOptions output;
    bool strict = false;
    bool allow_secrets = false;
};

CLI::App* add_extend_command(CLI::App& app, ExtendOptions& options);

[[nodiscard]] int run_extend(const CLI::App& command, const ExtendOptions& options, CommandContext& context);

} // namespace backup_request
