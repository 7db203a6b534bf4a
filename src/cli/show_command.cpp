// `backup-request show ID`: one recorded request with its history, as text or JSON, or the end of its access
// as a calendar event.
#include "backup_request/exit_code.hpp"
#include "backup_request/ledger/request_lifecycle.hpp"
#include "backup_request/output/ledger_listing.hpp"
#include "backup_request/output/portal_form.hpp"
#include "ledger_access.hpp"
#include "ledger_commands.hpp"
#include "now_option.hpp"
#include "option_checks.hpp"
#include "recorded_case.hpp"
#include "request_output.hpp"

#include <memory>
#include <ostream>

namespace backup_request {
namespace {

struct ShowOptions {
    std::string id;
    std::string format = "text";
    std::string now;
    std::string infrastructure;
    OutputOptions output;
};

CLI::App* add_show_command(CLI::App& app, ShowOptions& options) {
    CLI::App* command = app.add_subcommand("show", "Show one recorded request and its history");
    command->footer("\nExamples:\n  backup-request show k7m2qz\n  backup-request show k7m2qz --format ics -o "
                    "access.ics\n\nThe ledger is --ledger PATH (before or after the command), "
                    "BACKUP_REQUEST_LEDGER, the config's ledger, or the default "
                    "$XDG_STATE_HOME/backup-request/ledger.sqlite.");
    command->add_option("id", options.id, "The request's id (backup-request list shows them)")
        ->type_name("ID")
        ->required();
    command
        ->add_option("--format", options.format,
                     "text, json, or ics (the end of access as a calendar event, once delivered)")
        ->check(CLI::IsMember({"text", "json", "ics"}))
        ->default_str("text");
    command
        ->add_option("--infrastructure", options.infrastructure,
                     "text: your infrastructure's name, the Support Portal form's first field")
        ->type_name("NAME")
        ->check(non_empty("the infrastructure's name as the portal lists it"));
    command->add_option("-o,--output", options.output.output, "Write to this file instead of stdout")
        ->type_name("PATH");
    command->add_flag("-f,--force", options.output.force, "Replace the --output file if it exists");
    command->add_option("--now", options.now, "Count time left from this time (env BACKUP_REQUEST_NOW)")
        ->type_name("TIME")
        ->check(non_empty("a time like 2026-11-20T12:00:00Z"));
    return command;
}

// Why there is no end of access to put in a calendar, if there is none: an extension (its request holds the
// end), a request that is over, access not delivered yet, or already ended.
std::optional<CommandFailure> calendar_refusal(const LedgerRecord& record, sys_seconds now,
                                               const CommandContext& context) {
    const std::string run = "backup-request " + ledger_hint(context);
    std::string reason;
    if (record.extends) {
        reason = "request " + record.id +
                 " is an access extension; the end of access is the request's it "
                 "extends: " +
                 run + "show " + *record.extends + " --format ics";
    } else if (!is_open(record)) {
        reason = "request " + record.id + " is " + std::string(state_name(record.state)) +
                 ": there is no access to end, so nothing to put in a calendar";
    } else if (!record.access_ends_at) {
        reason = "request " + record.id + " is " + std::string(state_name(record.state)) +
                 ": there is no end of access to put in a calendar until it is delivered (" + run + "mark " +
                 record.id + " delivered --at TIME)";
    } else if (*record.access_ends_at <= now) {
        reason = "request " + record.id + ": access ended (" + format_utc_time(*record.access_ends_at) +
                 "), so there is nothing ahead to put in a calendar";
    } else {
        return std::nullopt;
    }
    return failure(ExitCode::rule_violation, reason);
}

CommandResult run_show(const CLI::App& command, const ShowOptions& options, CommandContext& context) {
    auto now = resolve_now(options.now, context);
    if (auto* error = std::get_if<NowError>(&now)) {
        return usage_failure("show", error->message);
    }
    const sys_seconds at = std::get<ResolvedNow>(now).time;
    if (command.count("--output") != 0) {
        if (auto refused = output_is_the_ledger("show", options.output.output, context)) {
            return std::move(*refused);
        }
    }
    auto opened = open_record("show", options.id, context);
    if (auto* failed = std::get_if<CommandFailure>(&opened)) {
        return std::move(*failed);
    }
    const auto& record = std::get<OpenedRecord>(opened).record;
    std::string text;
    if (options.format == "ics") {
        if (auto refused = calendar_refusal(record, at, context)) {
            return std::move(*refused);
        }
        text = access_calendar(record, at);
    } else if (options.format == "json") {
        text = record_json(record, at, true).dump(2) + "\n";
    } else {
        // Its extensions, from the listing's light records: their ids, states and times are all it shows.
        std::vector<LedgerRecord> extensions;
        try {
            for (auto& other : std::get<OpenedRecord>(opened).store->records_for_listing()) {
                if (other.extends == record.id) {
                    extensions.push_back(std::move(other));
                }
            }
        } catch (const LedgerUnavailable& unavailable) {
            return failure(ExitCode::input, std::string("ledger: ") + unavailable.what());
        }
        text = record_detail(record, at, extensions);
        // Not yet filed with the vendor: the portal's form first, with the case to paste into it.
        if (!record.case_id && is_open(record) && record.state != RequestState::delivered &&
            record.state != RequestState::extended) {
            auto judged = recorded_case(record);
            if (auto* failed = std::get_if<CommandFailure>(&judged)) {
                return std::move(*failed);
            }
            const auto& again = std::get<JudgedRequest>(judged);
            text = render_portal_case(
                       again.document(), again.render(OutputFormat::text, false),
                       PortalForm{options.infrastructure, "backup-request " + ledger_hint(context) + "mark " +
                                                              record.id + " submitted --case CASE-ID"}) +
                   "\n" + text;
        }
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
