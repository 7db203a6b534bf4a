// The commands, in one table: each one's name, how it adds itself (help and flags) to the CLI11 tree, and how
// it runs. run() dispatches through it; the man page, the completions and the config file's tables read the
// tree it builds, through visible_commands(), so they cannot disagree about which commands there are.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "command_context.hpp"
#include "command_failure.hpp"

#include <CLI/App.hpp>
#include <functional>
#include <string>
#include <vector>

namespace backup_request {

struct Command {
    std::string name;
    // Adds the subcommand, its help and its flags to `app`; the options it binds live in the closure.
    std::function<CLI::App*(CLI::App& app)> add;
    // Runs it, once parsed: `app` is the whole tree (the man page and completions describe it).
    std::function<CommandResult(const CLI::App& app, const CLI::App& command, CommandContext& context)> run;
    // Whether the config file applies: not for commands that print fixed text (schema, completion, manual),
    // which then work whatever the file is (a FIFO, a link to /dev/zero, broken TOML).
    bool reads_config = true;
};

// Every command, in the order --help lists them.
[[nodiscard]] std::vector<Command> command_table();

// The subcommands people use: hidden ones (no group, like `manual`, which the build runs) are left out.
[[nodiscard]] std::vector<const CLI::App*> visible_commands(const CLI::App& app);

// The flags a command shows: hidden ones (no group) are left out.
[[nodiscard]] std::vector<const CLI::Option*> visible_options(const CLI::App& command);

} // namespace backup_request
