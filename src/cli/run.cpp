// Wires CLI11 to the commands, sets up logging on stderr, and maps CLI11's exit codes to ours.
#include "backup_request/cli/run.hpp"

#include "backup_request/exit_code.hpp"
#include "backup_request/ledger/postgres_location.hpp"
#include "backup_request/output/diagnostic_printer.hpp"
#include "backup_request/platform/file_status.hpp"
#include "backup_request/platform/folders.hpp"
#include "backup_request/text/ascii_text.hpp"
#include "backup_request/text/closest_name.hpp"
#include "backup_request/time/time_zone.hpp"
#include "backup_request/version.hpp"
#include "command_failure.hpp"
#include "command_table.hpp"
#include "config_file.hpp"
#include "option_checks.hpp"
#include "text_input.hpp"
#include "usage_error.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <ostream>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <sstream>

namespace backup_request {
namespace {

constexpr const char* tool_examples = R"(
Examples:
  backup-request create --example
  backup-request template > draft.json && backup-request validate draft.json
  backup-request create --at 2026-11-20T14:30:00Z --env acme-prd.outsystemsenterprise.com \
      --justification-file incident.txt > case.json
  BACKUP_REQUEST_NOW=2026-11-21T09:00:00Z backup-request create --at now-2h ...

Exit codes: 0 written, 1 the request breaks a rule, 2 usage error, 3 input cannot be read, 4 output cannot be written.
Run 'backup-request COMMAND --help' for a command's flags.)";

std::shared_ptr<spdlog::logger> make_logger(std::ostream& err, int verbosity, bool quiet) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(err, true);
    auto logger = std::make_shared<spdlog::logger>("backup-request", sink);
    // spdlog ends lines with CRLF on Windows; the program's output is the same bytes on every system.
    logger->set_formatter(std::make_unique<spdlog::pattern_formatter>(
        "backup-request: %l: %v", spdlog::pattern_time_type::local, std::string("\n")));
    if (quiet) {
        logger->set_level(spdlog::level::err);
    } else {
        const int level = std::max(0, static_cast<int>(spdlog::level::warn) - verbosity);
        logger->set_level(static_cast<spdlog::level::level_enum>(level));
    }
    return logger;
}

struct LoadedConfig {
    std::string path; // empty: none
    std::string text;
    std::vector<CLI::ConfigItem> items;
};

// The config file is read and checked here, once and under its size limit, so that an error can name its
// line; CLI11 gets its values without opening it again. --help and --version work whatever it holds.
OrFailure<LoadedConfig> load_config(const std::vector<std::string>& args, const Environment& environment,
                                    const CLI::App& app, const std::vector<Command>& commands) {
    const bool help_or_version = std::any_of(args.begin(), args.end(), [](const std::string& arg) {
        return arg == "--help" || arg == "-h" || arg == "--version";
    });
    // The command is the first argument that names one; a command that prints fixed text reads no config.
    for (const auto& arg : args) {
        const auto command = std::find_if(commands.begin(), commands.end(),
                                          [&](const Command& candidate) { return candidate.name == arg; });
        if (command != commands.end()) {
            if (!command->reads_config) {
                return LoadedConfig{};
            }
            break;
        }
    }
    auto choice = choose_config(args, environment);
    if (const auto* error = std::get_if<ConfigChoiceError>(&choice)) {
        return usage_failure("", error->message);
    }
    const ConfigChoice& config = std::get<ConfigChoice>(choice);
    if (config.path.empty() || help_or_version) {
        return LoadedConfig{};
    }
    std::istringstream no_stdin;
    auto content = read_text_input(config.path, no_stdin, max_config_file_bytes);
    if (const auto* error = std::get_if<ReadError>(&content)) {
        if (config.required || error->too_large) {
            return failure(ExitCode::input, "config file: " + error->message);
        }
        return LoadedConfig{}; // the default file is optional
    }
    auto read = read_config_text(std::get<std::string>(content), app, config.path);
    if (auto* problem = std::get_if<ConfigError>(&read)) {
        return config_failure(ExitCode::usage, std::move(problem->messages));
    }
    return LoadedConfig{config.path, std::move(std::get<std::string>(content)),
                        std::move(std::get<std::vector<CLI::ConfigItem>>(read))};
}

// A CLI11 parse error as our failure: the one-line message, placed in the config file when it came from
// there.
CommandFailure parse_failure(const CLI::ParseError& error, CLI::App& app,
                             const std::vector<std::string>& args, const LoadedConfig& config) {
    CLI::App* failed = &app;
    for (CLI::App* command : app.get_subcommands({})) {
        if (command->parsed()) {
            failed = command; // the command being parsed when CLI11 stopped: its --help is the hint
        }
    }
    const std::string message = usage_error_message(error, *failed, args);
    if (const auto where = config.path.empty()
                               ? std::nullopt
                               : config_location_of_error(config.text, config.path, message)) {
        return CommandFailure{ExitCode::usage,
                              {"config file " + *where + ": " + message},
                              "Fix the value in the config file, or give the flag on the command line."};
    }
    return usage_failure(failed == &app ? "" : failed->get_name(), message);
}

// --ledger given on the command line (not only by the config file): it beats BACKUP_REQUEST_NO_LEDGER.
bool typed_on_command_line(const std::vector<std::string>& args, const std::string& flag) {
    return std::any_of(args.begin(), args.end(), [&flag](const std::string& arg) {
        return arg == flag || arg.starts_with(flag + "=");
    });
}

// The config's ledger path as the user meant it: "~/" is the home folder, and a relative path is taken from
// the config file's folder (not from wherever the command runs).
std::string ledger_from_config(const std::string& value, const std::string& config_path,
                               const Environment& environment) {
    if (is_postgres_location(value)) {
        return value; // a server's address, not a path
    }
    if (value.starts_with("~/") || value.starts_with("~\\")) {
        if (const auto home = platform::home_folder(environment.variable)) {
            return platform::join_path(*home, value.substr(2));
        }
        return value;
    }
    if (value.empty() || platform::is_absolute_path(value) || config_path.empty()) {
        return value;
    }
    return platform::join_path(platform::parent_folder(config_path), value);
}

} // namespace

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err,
        const Environment& environment) {
    CLI::App app{"Prepare a request for temporary access to an OutSystems Cloud database backup",
                 "backup-request"};
    app.footer(tool_examples);
    // CLI11 reads /x as an option on Windows by default; an absolute path such as /srv/drafts.ndjson must
    // stay a path, and every documented flag starts with a dash on every system. Commands inherit it.
    app.allow_windows_style_options(false);
    app.set_version_flag(
        "--version", [] { return version_text() + "\ntime zones: " + time_zone_database_text(); },
        "Print the version and the time zone database's, and exit");
    app.require_subcommand(1);
    app.fallthrough();
    int verbosity = 0;
    bool quiet = false;
    app.add_flag("-v,--verbose", verbosity, "More log output on stderr (repeat for more)");
    app.add_flag("-q,--quiet", quiet, "Only errors on stderr");
    std::string color = "auto";
    app.add_option("--color", color,
                   "Colour and Unicode drawing: auto (a terminal without NO_COLOR or TERM=dumb), "
                   "always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->default_str("auto");

    std::string ledger;
    bool no_ledger = false;
    app.add_option("--ledger", ledger,
                   "The ledger of requests (env BACKUP_REQUEST_LEDGER; default "
                   "$XDG_STATE_HOME/backup-request/ledger.sqlite)")
        ->type_name("PATH")
        ->check(non_empty("the ledger file's path, or --no-ledger"));
    app.add_flag("--no-ledger", no_ledger,
                 "Record nothing in the ledger and read nothing from it (env BACKUP_REQUEST_NO_LEDGER=1)");

    std::vector<Command> commands = command_table();
    std::vector<CLI::App*> command_apps;
    command_apps.reserve(commands.size());
    for (const Command& command : commands) {
        command_apps.push_back(command.add(app));
    }

    auto loaded = load_config(args, environment, app, commands);
    if (auto* failed = std::get_if<CommandFailure>(&loaded)) {
        return report(std::move(*failed), err);
    }
    auto& config = std::get<LoadedConfig>(loaded);
    std::string config_flag;
    app.add_option("--config", config_flag,
                   "Read defaults from this TOML file (env BACKUP_REQUEST_CONFIG; default "
                   "$XDG_CONFIG_HOME/backup-request/config.toml)")
        ->type_name("PATH");
    app.config_formatter(std::make_shared<PreparsedConfig>(std::move(config.items)));
    // CLI11 reads config items through a config option whose file must exist (it opens it, and the formatter
    // above ignores the stream and returns what was read already): the user's file, just read; the null
    // device stands in for one that cannot be opened twice (a pipe).
    if (!config.path.empty()) {
        const auto status = platform::path_status(config.path);
        const std::string stand_in =
            status.kind == platform::FileKind::regular ? config.path : platform::null_device_path();
        if (platform::path_status(stand_in).kind == platform::FileKind::missing) {
            return report(failure(ExitCode::input, "config file: cannot read '" + config.path +
                                                       "' a second time, and there is no " + stand_in +
                                                       "; give a regular file"),
                          err);
        }
        app.set_config("--preloaded-config", stand_in)->group("");
    }

    if (const auto unknown = unknown_command(app, args)) {
        // Checked before --help is acted on, so `backup-request frobnicate --help` is not "yes, it exists".
        const bool help = std::any_of(args.begin(), args.end(),
                                      [](const std::string& arg) { return arg == "--help" || arg == "-h"; });
        if (help) {
            std::vector<std::string> names;
            for (const CLI::App* sub : visible_commands(app)) {
                names.push_back(sub->get_name());
            }
            std::string message = "unknown command " + backup_request::quoted(*unknown);
            if (const auto suggestion = closest_name(*unknown, names)) {
                message += " (did you mean '" + *suggestion + "'?)";
            }
            return report(usage_failure("", message), err);
        }
    }
    try {
        std::vector<std::string> reversed(args.rbegin(), args.rend());
        app.parse(reversed);
    } catch (const CLI::ParseError& error) {
        if (error.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
            // --help and --version are "errors" to CLI11; they print on stdout and succeed.
            return app.exit(error, out, err) == 0 ? to_int(ExitCode::ok) : to_int(ExitCode::usage);
        }
        return report(parse_failure(error, app, args, config), err);
    }

    const bool ledger_typed = typed_on_command_line(args, "--ledger");
    const bool no_ledger_typed = typed_on_command_line(args, "--no-ledger");
    std::string no_ledger_origin = "--no-ledger";
    if (no_ledger && !no_ledger_typed) {
        no_ledger_origin = "the config file's no_ledger";
        if (const auto where = config_location_of_error(config.text, config.path, "--no-ledger")) {
            no_ledger_origin += " (" + *where + ")";
        }
    }
    CommandContext context{in,
                           out,
                           err,
                           environment,
                           make_logger(err, verbosity, quiet),
                           quiet,
                           color,
                           ledger_typed ? ledger : ledger_from_config(ledger, config.path, environment),
                           ledger_typed,
                           no_ledger,
                           no_ledger_typed,
                           no_ledger_origin};
    for (std::size_t i = 0; i < commands.size(); ++i) {
        if (command_apps[i]->parsed()) {
            return report(commands[i].run(app, *command_apps[i], context), err);
        }
    }
    return to_int(ExitCode::usage); // CLI11 requires one command; not reached
}

} // namespace backup_request
