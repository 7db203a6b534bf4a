// The config file: chosen, checked line by line (CLI11's own errors carry no line numbers), then read by
// CLI11.
#include "config_file.hpp"

#include "backup_request/closest_name.hpp"
#include "backup_request/utf8_text.hpp"

#include <CLI/Option.hpp>
#include <algorithm>
#include <cctype>
#include <sstream>

namespace backup_request {
namespace {

// Config keys that are not the flag's own name.
std::string flag_name_for_key(std::string key) {
    std::replace(key.begin(), key.end(), '_', '-');
    return key == "environments" ? "env" : key;
}

std::vector<std::string> long_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::Option* option : app.get_options()) {
        for (const auto& name : option->get_lnames()) {
            if (name != "help" && name != "config") {
                names.push_back(name);
            }
        }
    }
    return names;
}

bool has_flag(const CLI::App& app, const std::string& name) {
    const auto names = long_names(app);
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::vector<const CLI::App*> commands_of(const CLI::App& app) {
    std::vector<const CLI::App*> commands;
    for (const CLI::App* sub : app.get_subcommands({})) {
        if (!sub->get_group().empty()) {
            commands.push_back(sub);
        }
    }
    return commands;
}

} // namespace

ConfigChoice choose_config(const std::vector<std::string>& args, const Environment& environment) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--config" && i + 1 < args.size()) {
            return {args[i + 1], true};
        }
        if (args[i].starts_with("--config=")) {
            return {args[i].substr(9), true};
        }
    }
    if (auto path = environment.variable("BACKUP_REQUEST_CONFIG"); path && !path->empty()) {
        return {*path, true};
    }
    if (auto xdg = environment.variable("XDG_CONFIG_HOME"); xdg && !xdg->empty()) {
        return {*xdg + "/backup-request/config.toml", false};
    }
    if (auto home = environment.variable("HOME"); home && !home->empty()) {
        return {*home + "/.config/backup-request/config.toml", false};
    }
    return {};
}

std::optional<std::string> check_config_text(const std::string& text, const CLI::App& app,
                                             const std::string& path) {
    if (const auto offset = find_invalid_utf8(text)) {
        return path + ": not valid UTF-8 (at byte " + std::to_string(*offset + 1) + ")";
    }
    std::vector<std::string> commands;
    std::vector<std::string> every_flag = long_names(app);
    for (const CLI::App* command : commands_of(app)) {
        commands.push_back(command->get_name());
        const auto names = long_names(*command);
        every_flag.insert(every_flag.end(), names.begin(), names.end());
    }
    every_flag.emplace_back("environments");
    const CLI::App* section = nullptr;
    std::istringstream lines(text);
    std::size_t number = 0;
    for (std::string line; std::getline(lines, line);) {
        ++number;
        const std::string where = path + ":" + std::to_string(number) + ": ";
        const std::string_view trimmed = trim_whitespace(line);
        if (trimmed.empty() || trimmed.front() == '#') {
            continue;
        }
        if (trimmed.front() == '[') {
            if (trimmed.back() != ']') {
                return where + "a table header must look like [create]";
            }
            const std::string name(trim_whitespace(trimmed.substr(1, trimmed.size() - 2)));
            const auto found = std::find(commands.begin(), commands.end(), name);
            if (found == commands.end()) {
                const auto suggestion = closest_name(name, commands);
                return where + "unknown table [" + name + "]" +
                       (suggestion ? " (did you mean [" + *suggestion + "]?)" : ": tables are command names");
            }
            section = app.get_subcommand(name);
            continue;
        }
        const auto equals = trimmed.find('=');
        if (equals == std::string_view::npos) {
            return where + "expected key = value";
        }
        const std::string key(trim_whitespace(trimmed.substr(0, equals)));
        if (trim_whitespace(trimmed.substr(equals + 1)).empty()) {
            return where + "'" + key + "' has no value";
        }
        const std::string flag = flag_name_for_key(key);
        const std::vector<std::string> known = section != nullptr ? long_names(*section) : every_flag;
        if (std::find(known.begin(), known.end(), flag) == known.end() &&
            std::find(known.begin(), known.end(), key) == known.end()) {
            const auto suggestion = closest_name(key, known);
            return where + "unknown key '" + key + "'" +
                   (section != nullptr ? " in [" + section->get_name() + "]" : "") +
                   (suggestion ? " (did you mean '" + *suggestion + "'?)" : "");
        }
    }
    return std::nullopt;
}

std::optional<std::string> config_location_of_error(const std::string& text, const std::string& path,
                                                    const std::string& message) {
    std::istringstream lines(text);
    std::size_t number = 0;
    for (std::string line; std::getline(lines, line);) {
        ++number;
        const std::string_view trimmed = trim_whitespace(line);
        const auto equals = trimmed.find('=');
        if (trimmed.empty() || trimmed.front() == '#' || trimmed.front() == '[' ||
            equals == std::string_view::npos) {
            continue;
        }
        const std::string flag =
            "--" + flag_name_for_key(std::string(trim_whitespace(trimmed.substr(0, equals))));
        const auto at = message.find(flag);
        const bool whole =
            at != std::string::npos && (at + flag.size() == message.size() ||
                                        !std::isalnum(static_cast<unsigned char>(message[at + flag.size()])));
        if (whole && message[at + flag.size()] != '-') {
            return path + ":" + std::to_string(number);
        }
    }
    return std::nullopt;
}

std::vector<CLI::ConfigItem> SharedKeysConfig::from_config(std::istream& input) const {
    std::vector<CLI::ConfigItem> read = CLI::ConfigTOML::from_config(input);
    std::vector<CLI::ConfigItem> out;
    for (auto item : read) {
        if (item.name != "++" && item.name != "--") {
            item.name = flag_name_for_key(item.name);
        }
        if (!item.parents.empty() || item.name == "++" || item.name == "--") {
            out.push_back(std::move(item));
            continue;
        }
        if (has_flag(app_, item.name)) {
            out.push_back(item);
        }
        for (const CLI::App* command : commands_of(app_)) {
            const bool own_value = std::any_of(read.begin(), read.end(), [&](const CLI::ConfigItem& other) {
                return other.parents == std::vector<std::string>{command->get_name()} &&
                       flag_name_for_key(other.name) == item.name;
            });
            if (has_flag(*command, item.name) && !own_value) {
                CLI::ConfigItem copy = item;
                copy.parents = {command->get_name()};
                out.push_back(std::move(copy));
            }
        }
    }
    return out;
}

} // namespace backup_request
