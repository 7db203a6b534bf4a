// `backup-request submit ID`: opens a recorded request's ticket in the team's tracker, exactly once, and
// prints its address (docs/ticketing.md). `--dry-run` shows the HTTP request and sends nothing.
#include "submit_command.hpp"

#include "backup_request/exit_code.hpp"
#include "backup_request/ledger/request_lifecycle.hpp"
#include "backup_request/ledger/submission_attempt.hpp"
#include "backup_request/text/visible_text.hpp"
#include "ledger_access.hpp"
#include "now_option.hpp"
#include "option_checks.hpp"
#include "ticket_submission.hpp"

#include <memory>
#include <ostream>

namespace backup_request {
namespace {

struct SubmitOptions {
    std::string id;
    std::string format = "text";
    std::string now;
    bool dry_run = false;
    SubmitSettings submit;
    TrackerSettings tracker;
};

const std::vector<std::string>& tracker_names() {
    static const std::vector<std::string> names = {"jira",    "jira-server", "github", "gitlab",
                                                   "zendesk", "servicenow",  "redmine"};
    return names;
}

CLI::App* add_submit_command(CLI::App& app, SubmitOptions& options) {
    CLI::App* command =
        app.add_subcommand("submit", "Open a recorded request's ticket in your team's tracker");
    command->footer(
        "\nThe ticket carries the request's id as a marker (docs/ticketing.md): a run whose answer was lost "
        "asks the tracker for it before sending again, so a retry never opens a second ticket. The secret "
        "comes from the tracker's environment variable (GH_TOKEN, GITLAB_TOKEN, JIRA_API_TOKEN, "
        "ZENDESK_API_TOKEN, SERVICENOW_PASSWORD, REDMINE_API_KEY) or the config's token_command.\n\n"
        "Examples:\n  backup-request submit k7m2qz --to github --github-project acme/ops\n"
        "  backup-request submit k7m2qz --to jira --dry-run\n"
        "  backup-request submit k7m2qz --format json\n\n"
        "Exit codes: 0 opened (or it already had one), 2 usage, 3 the ledger cannot be read, 4 it cannot be "
        "written, 5 the tracker could not be reached or refused the ticket.");
    command->add_option("id", options.id, "The request's id (backup-request list shows them)")
        ->type_name("ID")
        ->required();
    command->add_option("--to,--tracker", options.submit.tracker, "The tracker (config: tracker)")
        ->type_name("TRACKER")
        ->check(CLI::IsMember(tracker_names()));
    command->add_option("--format", options.format, "text (the ticket's URL) or json")
        ->check(CLI::IsMember({"text", "json"}))
        ->default_str("text");
    command->add_flag("--dry-run", options.dry_run,
                      "Print the HTTP request (credential masked); send nothing");
    add_submit_flags(*command, options.submit);
    command
        ->add_option("--now", options.now,
                     "Record at this time instead of the clock (env BACKUP_REQUEST_NOW)")
        ->type_name("TIME")
        ->check(non_empty("a time like 2026-11-20T12:00:00Z"));
    add_tracker_flags(*command, options.tracker);
    add_tracker_connection_flags(*command, options.tracker);
    return command;
}

// What --dry-run prints: the search first when an earlier attempt's outcome is unknown, then the create.
OrFailure<std::string> dry_run_text(const LedgerRecord& record, Tracker tracker, const SubmitOptions& options,
                                    LedgerStore& store, sys_seconds now, CommandContext& context) {
    auto body = recorded_body(record, tracker, options.tracker);
    if (auto* failed = std::get_if<CommandFailure>(&body)) {
        return std::move(*failed);
    }
    auto credential = tracker_credential(tracker, options.tracker, context);
    if (std::holds_alternative<CommandFailure>(credential) && !context.quiet) {
        context.err << "note: " << std::get<CommandFailure>(credential).messages.back()
                    << " (a real run needs it)\n";
    }
    const TrackerCredential sent = std::holds_alternative<TrackerCredential>(credential)
                                       ? std::get<TrackerCredential>(credential)
                                       : TrackerCredential{};
    const TrackerTarget target = tracker_target(tracker, options.tracker);
    std::string text;
    const auto attempts = store.attempts(record.id);
    const auto plan = plan_submission(record, attempts, tracker_name(tracker), options.submit.again, now);
    if (plan.step == SubmissionStep::already_submitted) {
        context.err << "request " << record.id << " already has a ticket; a run sends nothing (--again opens "
                    << "another)\n";
        return std::string();
    }
    if (plan.step == SubmissionStep::search_first) {
        auto find = find_ticket_request(tracker, target, sent, record.id);
        if (auto* error = std::get_if<TrackerError>(&find)) {
            return usage_failure("submit", error->message);
        }
        text += shown_request(std::get<HttpRequest>(find)) + "\n";
    }
    auto create = create_ticket_request(tracker, target, sent, std::get<std::string>(body), record.id);
    if (auto* error = std::get_if<TrackerError>(&create)) {
        return usage_failure("submit", error->message);
    }
    return text + shown_request(std::get<HttpRequest>(create));
}

CommandResult run_submit(const SubmitOptions& options, CommandContext& context) {
    if (options.submit.tracker.empty()) {
        return usage_failure("submit",
                             "name the tracker: --to github (or jira, jira-server, gitlab, zendesk, "
                             "servicenow, redmine), or tracker = \"github\" in the config");
    }
    const Tracker tracker = *tracker_named(options.submit.tracker);
    auto now = resolve_now(options.now, context);
    if (auto* error = std::get_if<NowError>(&now)) {
        return usage_failure("submit", error->message);
    }
    const sys_seconds at = std::get<ResolvedNow>(now).time;
    auto opened = open_record("submit", options.id, context,
                              options.dry_run ? LedgerOpening::read : LedgerOpening::write);
    if (auto* failed = std::get_if<CommandFailure>(&opened)) {
        return std::move(*failed);
    }
    auto& [store, record] = std::get<OpenedRecord>(opened);
    if (!is_open(record)) {
        return failure(ExitCode::rule_violation, "request " + record.id + " is " +
                                                     std::string(state_name(record.state)) +
                                                     "; there is nothing to open a ticket for");
    }
    if (options.dry_run) {
        try {
            auto text = dry_run_text(record, tracker, options, *store, at, context);
            if (auto* failed = std::get_if<CommandFailure>(&text)) {
                return std::move(*failed);
            }
            context.out << std::get<std::string>(text);
        } catch (const LedgerUnavailable& unavailable) {
            return failure(ExitCode::input, std::string("ledger: ") + unavailable.what());
        }
        return ExitCode::ok;
    }
    auto submitted = open_ticket(record, tracker, options.tracker, options.submit, *store, at, context);
    if (auto* failed = std::get_if<CommandFailure>(&submitted)) {
        return std::move(*failed);
    }
    const auto& done = std::get<SubmittedTicket>(submitted);
    context.out << submitted_text(done, options.format == "json");
    if (!context.quiet) {
        context.err << visible_text(done.note) << ".\n";
    }
    return ExitCode::ok;
}

} // namespace

Command submit_command() {
    auto options = std::make_shared<SubmitOptions>();
    return Command{"submit", [options](CLI::App& app) { return add_submit_command(app, *options); },
                   [options](const CLI::App& /*app*/, const CLI::App& /*command*/, CommandContext& context) {
                       return run_submit(*options, context);
                   }};
}

} // namespace backup_request
