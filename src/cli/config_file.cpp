// The config file: chosen, parsed with toml++ (line and column in every error), checked against the commands'
// flags and the list of what a config file may hold, then handed to CLI11 as its config items.
#include "config_file.hpp"

#include "backup_request/ledger/postgres_location.hpp"
#include "backup_request/platform/folders.hpp"
#include "backup_request/text/ascii_text.hpp"
#include "backup_request/text/closest_name.hpp"
#include "backup_request/text/utf8_text.hpp"
#include "backup_request/trackers/tracker_body.hpp"
#include "backup_request/trackers/tracker_credential_source.hpp"
#include "command_table.hpp"

#include <CLI/Option.hpp>
#include <algorithm>
#include <array>
#include <cctype>
#include <sstream>
#include <string_view>
#include <toml++/toml.h>

namespace backup_request {
namespace {

// Config keys that are not the flag's own name.
std::string flag_name_for_key(std::string key) {
    std::replace(key.begin(), key.end(), '_', '-');
    if (key == "environments") {
        return "env";
    }
    return key == "time-zone" ? "timezone" : key;
}

// What a config file may hold: who you are and how you work. Anything else that is a flag is refused, with
// the reason for the ones people try.
constexpr std::array<std::string_view, 18> allowed_keys = {
    "contact", "env",       "timezone", "reference-prefix", "color",    "quiet",
    "verbose", "format",    "compact",  "strict",           "no-input", "retention-days",
    "ledger",  "no-ledger", "tracker",  "ca-file",          "timeout",  "infrastructure"};

// Keys people reach for to store a tracker's secret: never kept in the file (anyone who can read it could use
// it, and it ends up in dotfile repositories).
constexpr std::array<std::string_view, 9> secret_keys = {
    "token", "api-token", "api-key", "password", "secret", "apikey", "key", "private-token", "pat"};

std::string refusal_reason(const std::string& flag) {
    if (flag == "now") {
        return "it is the clock; use --now or BACKUP_REQUEST_NOW for one run";
    }
    if (flag == "output" || flag == "force") {
        return "where a request is written, and whether a file is replaced, is decided per run on the "
               "command "
               "line";
    }
    if (flag == "allow-secrets") {
        return "a safety check is turned off per run, with --allow-secrets on the command line, never by a "
               "file";
    }
    if (flag == "config") {
        return "a config file cannot name another";
    }
    return "it is a fact of one request, not a default; give it on the command line or in a draft";
}

const CLI::Option* find_flag(const CLI::App& app, const std::string& name) {
    for (const CLI::Option* option : visible_options(app)) {
        const auto& names = option->get_lnames();
        if (std::find(names.begin(), names.end(), name) != names.end()) {
            return option;
        }
    }
    return nullptr;
}

std::vector<std::string> flag_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::Option* option : visible_options(app)) {
        for (const auto& name : option->get_lnames()) {
            if (name != "help" && name != "version" && name != "config") {
                names.push_back(name);
            }
        }
    }
    return names;
}

// The keys of a tracker table: the flags of the commands that start with its prefix, without it.
std::vector<std::string> tracker_keys(const CLI::App& app, const std::string& prefix) {
    std::vector<std::string> keys;
    for (const CLI::App* command : visible_commands(app)) {
        for (const auto& name : flag_names(*command)) {
            // [jira]'s keys are not [jira-server]'s: "jira-server-url" is no key "server-url" of [jira].
            if (name.starts_with(prefix) && !(prefix == "jira-" && name.starts_with("jira-server-")) &&
                std::find(keys.begin(), keys.end(), name.substr(prefix.size())) == keys.end()) {
                keys.push_back(name.substr(prefix.size()));
            }
        }
    }
    return keys;
}

std::string position(const std::string& path, const toml::source_region& where) {
    return path + ":" + std::to_string(where.begin.line) + ":" + std::to_string(where.begin.column);
}

const char* type_name(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a number with a fraction";
    case toml::node_type::boolean:
        return "true or false";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::table:
        return "a table";
    default:
        return "a date or time";
    }
}

bool takes_several(const CLI::Option& option) {
    return option.get_items_expected_max() > 1 ||
           option.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
}

// The value as CLI11's inputs, or what it must be instead.
std::variant<std::vector<std::string>, std::string> inputs_of(const toml::node& value,
                                                              const CLI::Option& option) {
    const bool is_flag = option.get_expected_min() == 0;
    if (is_flag) {
        if (const auto* flag = value.as_boolean()) {
            return std::vector<std::string>{flag->get() ? "true" : "false"};
        }
        if (const auto* count = value.as_integer();
            count != nullptr && option.get_lnames().front() == "verbose") {
            return std::vector<std::string>{std::to_string(count->get())};
        }
        return std::string("true or false");
    }
    if (const auto* text = value.as_string()) {
        return std::vector<std::string>{text->get()};
    }
    const bool whole_number = option.get_type_name().find("INT") != std::string::npos;
    if (const auto* number = value.as_integer(); number != nullptr && whole_number) {
        return std::vector<std::string>{std::to_string(number->get())};
    }
    if (const auto* array = value.as_array(); array != nullptr && takes_several(option)) {
        std::vector<std::string> items;
        for (const auto& element : *array) {
            const auto* text = element.as_string();
            if (text == nullptr) {
                return "an array of strings, but item " + std::to_string(items.size() + 1) + " is " +
                       type_name(element);
            }
            items.push_back(text->get());
        }
        return items;
    }
    if (whole_number) {
        return std::string("a whole number");
    }
    return std::string(takes_several(option) ? "a string or an array of strings" : "a string");
}

// Whether the option's own checks (IsMember, ranges) take these values.
bool accepts(const CLI::Option& option, const std::vector<std::string>& inputs) {
    // CLI11 2.1 hands out validators only through a non-const accessor; they are only run on copies here.
    auto& editable = const_cast<CLI::Option&>(option); // NOLINT(cppcoreguidelines-pro-type-const-cast)
    for (int index = 0;; ++index) {
        CLI::Validator* validator = nullptr;
        try {
            validator = editable.get_validator(index);
        } catch (const CLI::OptionNotFound&) {
            return true;
        }
        for (std::string value : inputs) {
            if (!(*validator)(value).empty()) {
                return false;
            }
        }
    }
}

struct Section {
    const CLI::App* command = nullptr; // a command's table; nullptr for the top level and tracker tables
    std::string table;                 // for messages: "create", "jira"; empty at the top level
    std::string prefix;                // a tracker table's flags start with it: "jira-"
    std::vector<std::string> known;    // the keys it may hold, as flag names without the prefix
};

struct Problem {
    toml::source_position where;
    std::string message;
};

// The config items of one key for the commands it reaches. A top-level key is a default for every command
// whose flag takes it: `format = "markdown"` is create's and extend's, not window's or list's, whose --format
// means something else. Only when no command takes the value is it a problem (the first command's words).
std::optional<Problem> items_for(const std::vector<const CLI::App*>& targets, const toml::node& value,
                                 const Section& section, const CLI::App& app, const std::string& flag,
                                 const std::string& name, const std::string& path,
                                 std::vector<CLI::ConfigItem>& items) {
    const auto item_for = [&](const CLI::App* target, std::vector<std::string> inputs) {
        CLI::ConfigItem item;
        if (target != &app) {
            item.parents = {target->get_name()};
        }
        item.name = flag;
        item.inputs = std::move(inputs);
        return item;
    };
    std::optional<Problem> first_problem;
    std::vector<CLI::ConfigItem> taken;
    std::vector<CLI::ConfigItem> refused_by_checks;
    for (const CLI::App* target : targets) {
        const CLI::Option* option = find_flag(*target, flag);
        auto inputs = inputs_of(value, *option);
        if (const auto* wanted = std::get_if<std::string>(&inputs)) {
            const bool item = wanted->find("but item") != std::string::npos;
            if (!first_problem) {
                first_problem = Problem{value.source().begin,
                                        position(path, value.source()) + ": '" + name + "' must be " +
                                            *wanted + (item ? "" : std::string(", not ") + type_name(value))};
            }
            continue;
        }
        auto& values = std::get<std::vector<std::string>>(inputs);
        const bool checked_out =
            section.command == nullptr && targets.size() > 1 && !accepts(*option, values);
        (checked_out ? refused_by_checks : taken).push_back(item_for(target, std::move(values)));
    }
    if (taken.empty() && first_problem) {
        return first_problem;
    }
    // No command's checks take the value: given to all, so each names its own reason when it runs.
    const auto& chosen = taken.empty() ? refused_by_checks : taken;
    items.insert(items.end(), chosen.begin(), chosen.end());
    return std::nullopt;
}

// Checks one key = value and appends its config items; a problem otherwise.
std::optional<Problem> add_key(const toml::key& key, const toml::node& value, const Section& section,
                               const CLI::App& app, const std::string& path,
                               std::vector<CLI::ConfigItem>& items) {
    const std::string where = position(path, key.source());
    const std::string name(key.str());
    const std::string flag = section.prefix + flag_name_for_key(name);
    const std::string in_table = section.table.empty() ? "" : " in [" + section.table + "]";
    if (std::find(secret_keys.begin(), secret_keys.end(), flag_name_for_key(name)) != secret_keys.end()) {
        const auto tracker = tracker_named(section.table);
        return Problem{key.source().begin,
                       where + ": '" + name + "'" + in_table +
                           ": a credential is never kept in the config file; " +
                           (tracker ? credential_hint(*tracker) + " (a command that prints it)"
                                    : std::string("set the tracker's environment variable, or token_command "
                                                  "in its table (docs/ticketing.md)"))};
    }
    if (std::find(section.known.begin(), section.known.end(), flag_name_for_key(name)) ==
        section.known.end()) {
        const auto suggestion = closest_name(name, section.known);
        return Problem{key.source().begin, where + ": unknown key '" + name + "'" + in_table +
                                               (suggestion ? " (did you mean '" + *suggestion + "'?)" : "")};
    }
    // A team ledger's address is shared in the file; its password is not (libpq finds it in PGPASSWORD,
    // ~/.pgpass or the service file).
    if (flag == "ledger" && value.is_string() && is_postgres_location(*value.value<std::string>())) {
        const auto location = parse_postgres_location(*value.value<std::string>());
        if (const auto* parsed = std::get_if<PostgresLocation>(&location); parsed && parsed->has_password) {
            return Problem{key.source().begin,
                           where +
                               ": 'ledger' holds a password: a credential is never kept in the config file; "
                               "leave it out of the URL and put it in ~/.pgpass (or PGPASSWORD, or a "
                               "PGSERVICE entry), where libpq finds it"};
        }
    }
    // Tracker settings are how a team works: every key of a tracker table is allowed.
    if (section.prefix.empty() &&
        std::find(allowed_keys.begin(), allowed_keys.end(), flag) == allowed_keys.end()) {
        return Problem{key.source().begin,
                       where + ": '" + name + "' cannot be set in a config file: " + refusal_reason(flag)};
    }
    // The commands this key reaches: its table's command, or (top level) every command with that flag.
    std::vector<const CLI::App*> targets;
    if (section.command != nullptr) {
        targets.push_back(section.command);
    } else {
        if (find_flag(app, flag) != nullptr) {
            targets.push_back(&app);
        }
        for (const CLI::App* command : visible_commands(app)) {
            // list's flags are filters of one look at the ledger, not defaults of a request: a top-level
            // `env` must not hide every other environment from it. A [list] table still sets them.
            if (find_flag(*command, flag) != nullptr && command->get_name() != "list") {
                targets.push_back(command);
            }
        }
    }
    return items_for(targets, value, section, app, flag, name, path, items);
    return std::nullopt;
}

// What reading the file collects: the items of the top level and of the tables, and the problems.
struct ConfigReading {
    const CLI::App& app;
    const std::string& path;
    std::vector<CLI::ConfigItem> top_items;
    std::vector<CLI::ConfigItem> table_items;
    std::vector<Problem> problems;
};

void read_section(const toml::table& table, const Section& section, ConfigReading& reading) {
    for (const auto& [key, value] : table) {
        if (auto problem = add_key(key, value, section, reading.app, reading.path, reading.table_items)) {
            reading.problems.push_back(std::move(*problem));
        }
    }
}

// A [command] table, a [tracker] table, or an unknown one (with a suggestion).
void read_table(const std::string& name, const toml::key& key, const toml::table& table,
                const std::vector<std::string>& command_names, ConfigReading& reading) {
    if (std::find(command_names.begin(), command_names.end(), name) != command_names.end()) {
        const CLI::App* command = reading.app.get_subcommand(name);
        read_section(table, Section{command, name, "", flag_names(*command)}, reading);
        return;
    }
    if (tracker_named(name)) {
        read_section(table, Section{nullptr, name, name + "-", tracker_keys(reading.app, name + "-")},
                     reading);
        return;
    }
    auto tables = command_names;
    for (const std::string_view tracker :
         {"jira", "jira-server", "github", "gitlab", "zendesk", "servicenow", "redmine"}) {
        tables.emplace_back(tracker);
    }
    const auto suggestion = closest_name(name, tables);
    reading.problems.push_back(
        {key.source().begin, position(reading.path, key.source()) + ": unknown table [" + name + "]" +
                                 (suggestion ? " (did you mean [" + *suggestion + "]?)"
                                             : ": tables are command or tracker names")});
}

} // namespace

std::variant<ConfigChoice, ConfigChoiceError> choose_config(const std::vector<std::string>& args,
                                                            const Environment& environment) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::optional<std::string> given;
        if (args[i] == "--config" && i + 1 < args.size()) {
            given = args[i + 1];
        } else if (args[i].starts_with("--config=")) {
            given = args[i].substr(9);
        }
        if (given) {
            if (given->empty()) {
                return ConfigChoiceError{
                    "--config: the path is empty; name a TOML file, or leave --config out"};
            }
            return ConfigChoice{*given, true};
        }
    }
    if (auto path = environment.variable("BACKUP_REQUEST_CONFIG"); path && !path->empty()) {
        return ConfigChoice{*path, true};
    }
    // $XDG_CONFIG_HOME or ~/.config; %APPDATA% on Windows.
    if (auto folder = platform::user_config_folder(environment.variable)) {
        return ConfigChoice{
            platform::join_path(platform::join_path(*folder, "backup-request"), "config.toml"), false};
    }
    return ConfigChoice{};
}

std::variant<std::vector<CLI::ConfigItem>, ConfigError>
read_config_text(const std::string& text, const CLI::App& app, const std::string& path) {
    if (const auto offset = find_invalid_utf8(text)) {
        return ConfigError{
            {path + ": not valid UTF-8 (at byte " + std::to_string(*offset + 1) + "); save it as UTF-8"}};
    }
    toml::table root;
    try {
        root = toml::parse(text, path);
    } catch (const toml::parse_error& error) {
        // toml++ reports syntax errors as exceptions; here they become a value at once.
        return ConfigError{
            {position(path, error.source()) + ": not TOML: " + std::string(error.description())}};
    }
    std::vector<std::string> command_names;
    std::vector<std::string> every_flag = flag_names(app);
    for (const CLI::App* command : visible_commands(app)) {
        command_names.push_back(command->get_name());
        const auto names = flag_names(*command);
        every_flag.insert(every_flag.end(), names.begin(), names.end());
    }
    std::sort(every_flag.begin(), every_flag.end());
    every_flag.erase(std::unique(every_flag.begin(), every_flag.end()), every_flag.end());
    const Section top{nullptr, "", "", every_flag};

    ConfigReading reading{app, path, {}, {}, {}};
    for (const auto& [key, value] : root) {
        if (const auto* table = value.as_table()) {
            read_table(std::string(key.str()), key, *table, command_names, reading);
        } else if (auto problem = add_key(key, value, top, app, path, reading.top_items)) {
            reading.problems.push_back(std::move(*problem));
        }
    }
    auto& problems = reading.problems;
    auto& top_items = reading.top_items;
    auto& table_items = reading.table_items;
    if (!problems.empty()) {
        // toml++ keeps keys sorted by name; people read a file from the top.
        std::sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
            return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
        });
        ConfigError error;
        for (auto& problem : problems) {
            error.messages.push_back(std::move(problem.message));
        }
        return error;
    }
    // A command's own table wins over the top level for the same flag.
    std::vector<CLI::ConfigItem> items = table_items;
    for (auto& item : top_items) {
        const bool overridden = std::any_of(table_items.begin(), table_items.end(), [&](const auto& other) {
            return other.parents == item.parents && other.name == item.name;
        });
        if (!overridden) {
            items.push_back(std::move(item));
        }
    }
    return items;
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
        const bool whole = at != std::string::npos &&
                           (at + flag.size() == message.size() ||
                            std::isalnum(static_cast<unsigned char>(message[at + flag.size()])) == 0);
        if (whole && message[at + flag.size()] != '-') {
            return path + ":" + std::to_string(number);
        }
    }
    return std::nullopt;
}

} // namespace backup_request
