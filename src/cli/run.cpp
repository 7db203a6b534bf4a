// Wires CLI11 to the commands, sets up logging on stderr, and maps CLI11's exit codes to ours.
#include "backup_request/cli/run.hpp"

#include "backup_request/exit_code.hpp"
#include "backup_request/output/diagnostic_printer.hpp"
#include "backup_request/version.hpp"
#include "completion_command.hpp"
#include "config_file.hpp"
#include "manual_command.hpp"
#include "request_command.hpp"
#include "template_command.hpp"
#include "text_input.hpp"
#include "usage_error.hpp"
#include "validate_command.hpp"
#include "window_command.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <ostream>
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
    logger->set_pattern("backup-request: %l: %v");
    if (quiet) {
        logger->set_level(spdlog::level::err);
    } else {
        const int level = std::max(0, static_cast<int>(spdlog::level::warn) - verbosity);
        logger->set_level(static_cast<spdlog::level::level_enum>(level));
    }
    return logger;
}

} // namespace

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err,
        const Environment& environment) {
    CLI::App app{"Prepare a request for temporary access to an OutSystems Cloud database backup",
                 "backup-request"};
    app.footer(tool_examples);
    app.set_version_flag("--version", version_text(), "Print the version and exit");
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

    RequestOptions create_options;
    CLI::App* create = add_request_command(app, backup_access_kind(), create_options);
    ValidateOptions validate_options;
    CLI::App* validate = add_validate_command(app, validate_options);
    TemplateOptions template_options;
    CLI::App* template_command = add_template_command(app, template_options);
    RequestOptions extend_options;
    CLI::App* extend = add_request_command(app, access_extension_kind(), extend_options);
    WindowOptions window_options;
    CLI::App* window = add_window_command(app, window_options);
    CompletionOptions completion_options;
    CLI::App* completion = add_completion_command(app, completion_options);
    CLI::App* manual = add_manual_command(app);
    SchemaOptions schema_options;
    CLI::App* schema = add_schema_command(app, schema_options);

    // The config file is read and checked here, once and under its size limit, so that an error can name its
    // line; CLI11 gets its values without opening it again. --help and --version work whatever it holds.
    const bool help_or_version = std::any_of(args.begin(), args.end(), [](const std::string& arg) {
        return arg == "--help" || arg == "-h" || arg == "--version";
    });
    auto choice = choose_config(args, environment);
    if (const auto* error = std::get_if<ConfigChoiceError>(&choice)) {
        err << "error: " << visible_text(error->message) << "\nRun 'backup-request --help' for usage.\n";
        return to_int(ExitCode::usage);
    }
    const ConfigChoice& config = std::get<ConfigChoice>(choice);
    std::string config_path;
    std::string config_text;
    std::vector<CLI::ConfigItem> config_items;
    if (!config.path.empty() && !help_or_version) {
        std::istringstream no_stdin;
        auto content = read_text_input(config.path, no_stdin, max_config_file_bytes);
        if (const auto* error = std::get_if<ReadError>(&content)) {
            if (config.required || error->too_large) {
                err << "error: config file: " << visible_text(error->message) << '\n';
                return to_int(ExitCode::input);
            }
        } else {
            auto read = read_config_text(std::get<std::string>(content), app, config.path);
            if (const auto* problem = std::get_if<ConfigError>(&read)) {
                for (const auto& message : problem->messages) {
                    err << "error: config file " << visible_text(message) << '\n';
                }
                return to_int(ExitCode::usage);
            }
            config_path = config.path;
            config_text = std::move(std::get<std::string>(content));
            config_items = std::move(std::get<std::vector<CLI::ConfigItem>>(read));
        }
    }
    app.add_option("--config", config_path,
                   "Read defaults from this TOML file (env BACKUP_REQUEST_CONFIG; default "
                   "$XDG_CONFIG_HOME/backup-request/config.toml)")
        ->type_name("PATH");
    app.config_formatter(std::make_shared<PreparsedConfig>(std::move(config_items)));
    // CLI11 reads config items through a config option; this hidden one points at a file that is always
    // there, and the formatter above returns what was read from the user's file.
    app.set_config("--preloaded-config", config_path.empty() ? "" : "/dev/null")->group("");

    try {
        std::vector<std::string> reversed(args.rbegin(), args.rend());
        app.parse(reversed);
    } catch (const CLI::ParseError& error) {
        if (error.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
            // --help and --version are "errors" to CLI11; they print on stdout and succeed.
            return app.exit(error, out, err) == 0 ? to_int(ExitCode::ok) : to_int(ExitCode::usage);
        }
        CLI::App* failed = &app;
        for (CLI::App* sub :
             {create, validate, template_command, schema, extend, window, completion, manual}) {
            if (sub->parsed()) {
                failed = sub;
            }
        }
        const std::string command =
            failed == &app ? std::string("backup-request") : "backup-request " + failed->get_name();
        const std::string message = usage_error_message(error, *failed, args);
        if (const auto where = config_path.empty()
                                   ? std::nullopt
                                   : config_location_of_error(config_text, config_path, message)) {
            err << "error: config file " << visible_text(*where) << ": " << visible_text(message)
                << "\nFix the value in the config file, or give the flag on the command line.\n";
            return to_int(ExitCode::usage);
        }
        err << "error: " << visible_text(message) << "\nRun '" << command << " --help' for usage.\n";
        return to_int(ExitCode::usage);
    }

    CommandContext context{in, out, err, environment, make_logger(err, verbosity, quiet), quiet, color};
    if (create->parsed()) {
        return run_request(*create, backup_access_kind(), create_options, context);
    }
    if (extend->parsed()) {
        return run_request(*extend, access_extension_kind(), extend_options, context);
    }
    if (manual->parsed()) {
        return run_manual(app, context);
    }
    if (completion->parsed()) {
        return run_completion(app, completion_options, context);
    }
    if (window->parsed()) {
        return run_window(window_options, context);
    }
    if (validate->parsed()) {
        return run_validate(validate_options, context);
    }
    if (template_command->parsed()) {
        return run_template(template_options, context);
    }
    if (schema->parsed()) {
        return run_schema(schema_options, context);
    }
    return to_int(ExitCode::usage);
}

} // namespace backup_request
