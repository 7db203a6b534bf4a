// `backup-request mark ID STATE`: a step of a request's life after the case, as the user tells it; states
// only move forward (request_lifecycle.hpp).
#include "backup_request/exit_code.hpp"
#include "backup_request/ledger/request_lifecycle.hpp"
#include "backup_request/text/visible_text.hpp"
#include "backup_request/time/time_zone.hpp"
#include "ledger_access.hpp"
#include "ledger_commands.hpp"
#include "now_option.hpp"
#include "option_checks.hpp"
#include "time_reading.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <ostream>

namespace backup_request {
namespace {

struct MarkOptions {
    std::string id;
    std::string state;
    std::string case_id;
    std::string ticket;
    std::string at;
    std::string until;
    std::string time_zone;
    std::string now;
};

CLI::App* add_mark_command(CLI::App& app, MarkOptions& options) {
    CLI::App* command = app.add_subcommand("mark", "Record what happened to a request after its case");
    command->footer("\nStates, in order: submitted (--case, --ticket), delivered (--at, default now; access "
                    "ends 7 days later), extended (--until), declined (before delivery), closed.\n\n"
                    "Examples:\n  backup-request mark k7m2qz submitted --case 01234567 --ticket OPS-88\n"
                    "  backup-request mark k7m2qz delivered --at 2026-11-21T10:00:00Z\n"
                    "  backup-request mark k7m2qz extended --until 2026-12-01T10:00:00Z\n"
                    "  backup-request mark k7m2qz closed\n\n"
                    "The ledger is --ledger PATH (before or after the command), BACKUP_REQUEST_LEDGER, the "
                    "config's ledger, or the default $XDG_STATE_HOME/backup-request/ledger.sqlite.");
    command->add_option("id", options.id, "The request's id (backup-request list shows them)")
        ->type_name("ID")
        ->required();
    command->add_option("state", options.state, "submitted, delivered, extended, declined or closed")
        ->type_name("STATE")
        ->required()
        ->check(CLI::IsMember({"submitted", "delivered", "extended", "declined", "closed"}));
    command->add_option("--case", options.case_id, "submitted: the vendor's support case id")
        ->type_name("ID")
        ->check(non_empty("the vendor's case id"));
    command->add_option("--ticket", options.ticket, "submitted: your own tracker's key or URL")
        ->type_name("KEY")
        ->check(non_empty("a key like OPS-88 or a URL"));
    command->add_option("--at", options.at, "delivered: when access was handed over (default now)")
        ->type_name("TIME")
        ->check(non_empty("a time like 2026-11-21T10:00:00Z"));
    command->add_option("--until", options.until, "extended: the new end of access the vendor gave")
        ->type_name("TIME")
        ->check(non_empty("a time like 2026-12-01T10:00:00Z"));
    command
        ->add_option("--timezone,--time-zone", options.time_zone,
                     "Read --at and --until without an offset as wall times in this IANA zone (env "
                     "BACKUP_REQUEST_TZ)")
        ->type_name("AREA/CITY")
        ->check(non_empty("a zone like Europe/Lisbon"));
    command
        ->add_option("--now", options.now,
                     "Record at this time instead of the clock (env BACKUP_REQUEST_NOW)")
        ->type_name("TIME")
        ->check(non_empty("a time like 2026-11-20T12:00:00Z"));
    return command;
}

// A flag that belongs to another state's mark is a usage error, not silently dropped.
std::optional<std::string> misplaced_flag(const MarkOptions& options) {
    struct OwnFlag {
        const char* flag;
        const std::string* value;
        const char* state;
    };
    const std::array<OwnFlag, 4> flags = {
        OwnFlag{"--case", &options.case_id, "submitted"}, OwnFlag{"--ticket", &options.ticket, "submitted"},
        OwnFlag{"--at", &options.at, "delivered"}, OwnFlag{"--until", &options.until, "extended"}};
    for (const auto& flag : flags) {
        if (!flag.value->empty() && options.state != flag.state) {
            return std::string(flag.flag) + " goes with 'mark ID " + flag.state + "', not " + options.state;
        }
    }
    if (options.state == "extended" && options.until.empty()) {
        return std::string("mark extended needs --until TIME, the new end of access the vendor gave");
    }
    return std::nullopt;
}

OrFailure<std::optional<sys_seconds>> time_flag(const char* flag, const std::string& text, sys_seconds now,
                                                const std::string& zone, CommandContext& context) {
    if (text.empty()) {
        return std::optional<sys_seconds>();
    }
    auto parsed = parse_point_in_time(text, now, zone);
    if (auto* error = std::get_if<TimeParseError>(&parsed)) {
        return usage_failure("mark",
                             std::string(flag) + ": " +
                                 visible_text(naming_machine_zone(error->message, context.environment, now)));
    }
    echo_time_reading(context, text, std::get<ParsedTime>(parsed), now);
    return std::optional<sys_seconds>(std::get<ParsedTime>(parsed).time);
}

CommandResult run_mark(const MarkOptions& options, CommandContext& context) {
    if (auto misplaced = misplaced_flag(options)) {
        return usage_failure("mark", *misplaced);
    }
    auto now = resolve_now(options.now, context);
    if (auto* error = std::get_if<NowError>(&now)) {
        return usage_failure("mark", error->message);
    }
    const sys_seconds at = std::get<ResolvedNow>(now).time;
    Mark mark{*state_named(options.state), std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    if (!options.case_id.empty()) {
        mark.case_id = options.case_id;
    }
    if (!options.ticket.empty()) {
        mark.ticket = options.ticket;
    }
    // The zone rules of create: --timezone, else BACKUP_REQUEST_TZ (a broken variable matters only when a
    // time needs it).
    std::string zone = options.time_zone;
    if (!zone.empty()) {
        if (const auto error = check_time_zone(zone)) {
            return usage_failure("mark", "--timezone: " + visible_text(error->message));
        }
    } else if (!options.at.empty() || !options.until.empty()) {
        zone = default_time_zone(context.environment);
        if (!zone.empty()) {
            if (const auto error = check_time_zone(zone)) {
                const std::array<const std::string*, 2> texts = {&options.at, &options.until};
                const bool needed = std::any_of(texts.begin(), texts.end(), [at](const std::string* text) {
                    const auto parsed = parse_point_in_time(*text, at);
                    const auto* failed = std::get_if<TimeParseError>(&parsed);
                    return !text->empty() && failed != nullptr && failed->code == "time-no-zone";
                });
                if (needed) {
                    return usage_failure("mark", "BACKUP_REQUEST_TZ: " + visible_text(error->message));
                }
                zone.clear();
            }
        }
    }
    for (const auto& [flag, text, slot] :
         {std::tuple{"--at", &options.at, &mark.at}, std::tuple{"--until", &options.until, &mark.until}}) {
        auto parsed = time_flag(flag, *text, at, zone, context);
        if (auto* failed = std::get_if<CommandFailure>(&parsed)) {
            return std::move(*failed);
        }
        *slot = std::get<std::optional<sys_seconds>>(parsed);
    }
    auto opened = open_record("mark", options.id, context);
    if (auto* failed = std::get_if<CommandFailure>(&opened)) {
        return std::move(*failed);
    }
    const auto& record = std::get<OpenedRecord>(opened).record;
    auto applied = apply_mark(record, mark, at);
    if (auto* refused = std::get_if<MarkRefusal>(&applied)) {
        return failure(ExitCode::rule_violation, refused->message + "; nothing was changed");
    }
    const auto& updated = std::get<LedgerRecord>(applied);
    // Read to judge, then opened to write: a ledger that cannot take the change is exit 4, as any output.
    auto writable = ledger_for_command("mark", context, LedgerOpening::write);
    if (auto* failed = std::get_if<CommandFailure>(&writable)) {
        failed->messages.back() += "; nothing was changed";
        return std::move(*failed);
    }
    auto& store = std::get<std::unique_ptr<LedgerStore>>(writable);
    try {
        if (!store || !store->update_lifecycle(updated, record)) {
            return failure(ExitCode::output, "request " + record.id +
                                                 " was changed by another process meanwhile; nothing was "
                                                 "changed, look at it again with backup-request " +
                                                 ledger_hint(context) + "show " + record.id);
        }
        if (!context.quiet) {
            const std::string& detail = updated.history.back().detail;
            context.err << "Marked " << updated.id << " " << options.state
                        << (detail.empty() ? "" : ": " + visible_text(detail)) << ".\n";
        }
    } catch (const LedgerUnavailable& unavailable) {
        return failure(ExitCode::output,
                       std::string("ledger: ") + unavailable.what() + "; nothing was changed");
    }
    return ExitCode::ok;
}

} // namespace

Command mark_command() {
    auto options = std::make_shared<MarkOptions>();
    return Command{"mark", [options](CLI::App& app) { return add_mark_command(app, *options); },
                   [options](const CLI::App& /*app*/, const CLI::App& /*command*/, CommandContext& context) {
                       return run_mark(*options, context);
                   }};
}

} // namespace backup_request
