// `backup-request show ID`: one recorded request with its history, as text or JSON, or the end of its access
// as a calendar event.
#include "backup_request/exit_code.hpp"
#include "backup_request/output/ledger_listing.hpp"
#include "ledger_access.hpp"
#include "ledger_commands.hpp"
#include "now_option.hpp"
#include "option_checks.hpp"
#include "request_output.hpp"

#include <memory>
#include <ostream>

namespace backup_request {
namespace {

struct ShowOptions {
    std::string id;
    std::string format = "text";
    std::string now;
    OutputOptions output;
};

CLI::App* add_show_command(CLI::App& app, ShowOptions& options) {
    CLI::App* command = app.add_subcommand("show", "Show one recorded request and its history");
    command->footer("\nExamples:\n  backup-request show k7m2qz\n  backup-request show k7m2qz --format ics -o "
                    "access.ics");
    command->add_option("id", options.id, "The request's id (backup-request list shows them)")
        ->type_name("ID")
        ->required();
    command
        ->add_option("--format", options.format,
                     "text, json, or ics (the end of access as a calendar event, once delivered)")
        ->check(CLI::IsMember({"text", "json", "ics"}))
        ->default_str("text");
    command->add_option("-o,--output", options.output.output, "Write to this file instead of stdout")
        ->type_name("PATH");
    command->add_flag("-f,--force", options.output.force, "Replace the --output file if it exists");
    command->add_option("--now", options.now, "Count time left from this time (env BACKUP_REQUEST_NOW)")
        ->type_name("TIME")
        ->check(non_empty("a time like 2026-11-20T12:00:00Z"));
    return command;
}

CommandResult run_show(const CLI::App& command, const ShowOptions& options, CommandContext& context) {
    auto now = resolve_now(options.now, context);
    if (auto* error = std::get_if<NowError>(&now)) {
        return usage_failure("show", error->message);
    }
    const sys_seconds at = std::get<ResolvedNow>(now).time;
    auto opened = open_record("show", options.id, context);
    if (auto* failed = std::get_if<CommandFailure>(&opened)) {
        return std::move(*failed);
    }
    const auto& record = std::get<OpenedRecord>(opened).record;
    std::string text;
    if (options.format == "ics") {
        if (!record.access_ends_at) {
            return failure(
                ExitCode::rule_violation,
                "request " + record.id + " is " + std::string(state_name(record.state)) +
                    ": there is no end of access to put in a calendar until it is delivered (backup-"
                    "request mark " +
                    record.id + " delivered --at TIME)");
        }
        text = access_calendar(record, at);
    } else if (options.format == "json") {
        text = record_json(record, at, true).dump(2) + "\n";
    } else {
        text = record_detail(record, at);
    }
    return write_result(text, command, options.output, context);
}

} // namespace

Command show_command() {
    auto options = std::make_shared<ShowOptions>();
    return Command{"show", [options](CLI::App& app) { return add_show_command(app, *options); },
                   [options](const CLI::App& /*app*/, const CLI::App& command, CommandContext& context) {
                       return run_show(command, *options, context);
                   }};
}

} // namespace backup_request
