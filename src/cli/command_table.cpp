// The table of commands, and the one notion of which of them (and which flags) people see.
#include "command_table.hpp"

#include "completion_command.hpp"
#include "ledger_commands.hpp"
#include "manual_command.hpp"
#include "request_command.hpp"
#include "schema_command.hpp"
#include "submit_command.hpp"
#include "template_command.hpp"
#include "validate_command.hpp"
#include "window_command.hpp"

#include <CLI/Option.hpp>

namespace backup_request {

std::vector<Command> command_table() {
    std::vector<Command> table;
    table.push_back(request_command(backup_access_kind()));
    table.push_back(validate_command());
    table.push_back(template_command());
    table.push_back(request_command(access_extension_kind()));
    table.push_back(list_command());
    table.push_back(show_command());
    table.push_back(mark_command());
    table.push_back(ledger_command());
    table.push_back(submit_command());
    table.push_back(window_command());
    table.push_back(completion_command());
    table.push_back(manual_command());
    table.push_back(schema_command());
    return table;
}

std::vector<const CLI::App*> visible_commands(const CLI::App& app) {
    std::vector<const CLI::App*> commands;
    for (const CLI::App* sub : app.get_subcommands({})) {
        if (!sub->get_group().empty()) {
            commands.push_back(sub);
        }
    }
    return commands;
}

std::vector<const CLI::Option*> visible_options(const CLI::App& command) {
    std::vector<const CLI::Option*> options;
    for (const CLI::Option* option : command.get_options()) {
        if (!option->get_group().empty()) {
            options.push_back(option);
        }
    }
    return options;
}

} // namespace backup_request
