// Rewrites CLI11's "The following arguments were not expected" into one message per the first stray argument.
#include "usage_error.hpp"

#include "backup_request/text/closest_name.hpp"
#include "command_table.hpp"

#include <CLI/Error.hpp>
#include <CLI/Option.hpp>
#include <algorithm>

namespace backup_request {
namespace {

std::vector<std::string> flag_names(CLI::App& command) {
    std::vector<std::string> names;
    for (const CLI::App* app = &command; app != nullptr; app = app->get_parent()) {
        for (const CLI::Option* option : app->get_options()) {
            for (const auto& name : option->get_lnames()) {
                names.push_back("--" + name);
            }
        }
    }
    return names;
}

} // namespace

std::optional<std::string> unknown_command(const CLI::App& app, const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--") {
            return std::nullopt;
        }
        if (arg.starts_with('-')) {
            // A top-level option that takes a value, given as two words: the next word is its value.
            if (!arg.starts_with("--") || arg.find('=') != std::string::npos) {
                continue;
            }
            const CLI::Option* option = app.get_option_no_throw(arg);
            if (option != nullptr && option->get_type_size() > 0) {
                ++i;
            }
            continue;
        }
        const auto commands =
            app.get_subcommands([&arg](const CLI::App* sub) { return sub->check_name(arg); });
        if (commands.empty()) {
            return arg;
        }
        return std::nullopt;
    }
    return std::nullopt;
}

std::string usage_error_message(const CLI::Error& error, CLI::App& command,
                                const std::vector<std::string>& args) {
    if (command.get_parent() == nullptr) {
        // At the top level the usual mistake is the command itself: missing or mistyped.
        std::vector<std::string> commands;
        for (const CLI::App* sub : visible_commands(command)) {
            commands.push_back(sub->get_name());
        }
        const auto first =
            std::find_if(args.begin(), args.end(), [](const std::string& a) { return !a.starts_with('-'); });
        if (first == args.end() && dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
            return "no command given: try 'backup-request create --example'";
        }
        if (first != args.end() && std::find(commands.begin(), commands.end(), *first) == commands.end()) {
            std::string message = "unknown command '" + *first + "'";
            if (const auto suggestion = closest_name(*first, commands)) {
                message += " (did you mean '" + *suggestion + "'?)";
            }
            return message;
        }
    }
    if (dynamic_cast<const CLI::ExtrasError*>(&error) == nullptr) {
        return error.what();
    }
    std::vector<std::string> extras = command.remaining();
    if (extras.empty() && command.get_parent() != nullptr) {
        extras = command.get_parent()->remaining();
    }
    for (const auto& extra : extras) {
        if (extra.size() > 1 && extra.front() == '-') {
            const std::string name = extra.substr(0, extra.find('='));
            std::string message = "unknown option '" + name + "'";
            if (const auto suggestion = closest_name(name, flag_names(command))) {
                if (*suggestion == name && command.get_parent() != nullptr) {
                    // The command's own flag, typed before the command: CLI11 read it at the top level.
                    return name + " is an option of '" + command.get_name() +
                           "' and goes after it (backup-request " + command.get_name() + " " + name + " ...)";
                }
                message += " (did you mean '" + *suggestion + "'?)";
            }
            return message;
        }
    }
    if (!extras.empty()) {
        return "unexpected argument '" + extras.front() +
               "': put text with spaces in quotes, and give every value after its flag";
    }
    return error.what();
}

} // namespace backup_request
