// `backup-request list`: the requests in the ledger, the most urgent first, as a table or JSON records.
#include "backup_request/exit_code.hpp"
#include "backup_request/ledger/request_lifecycle.hpp"
#include "backup_request/output/ledger_listing.hpp"
#include "backup_request/rules/environment_address.hpp"
#include "backup_request/text/visible_text.hpp"
#include "ledger_access.hpp"
#include "ledger_commands.hpp"
#include "now_option.hpp"
#include "option_checks.hpp"
#include "terminal_style.hpp"

#include <memory>
#include <ostream>

namespace backup_request {
namespace {

struct ListOptions {
    bool all = false;
    bool mine = false;
    std::string environment;
    std::string state;
    std::string format = "table";
    std::string now;
};

CLI::App* add_list_command(CLI::App& app, ListOptions& options) {
    CLI::App* command = app.add_subcommand("list", "List the recorded requests, the most urgent first");
    command->footer(
        "\nExamples:\n  backup-request list\n  backup-request list --env "
        "acme-prd.outsystemsenterprise.com "
        "--all\n  backup-request list --format ndjson | jq -r 'select(.state == \"delivered\") | .id'\n\n"
        "By default: the open access requests (not declined or closed). The next deadline is the point in "
        "time "
        "leaving the retention window until access is delivered, then the end of access.\n\n"
        "The ledger is --ledger PATH (before or after the command), BACKUP_REQUEST_LEDGER, the config's "
        "ledger, or the default $XDG_STATE_HOME/backup-request/ledger.sqlite.");
    command->add_flag("--all", options.all, "Declined and closed requests, and extension cases, too");
    command->add_flag(
        "--mine", options.mine,
        "Only the requests this user wrote (on any machine; BACKUP_REQUEST_WRITTEN_BY, else $USER)");
    command
        ->add_option("--env,--environment", options.environment, "Only requests for this environment (host name)")
        ->type_name("HOST");
    command->add_option("--state", options.state, "Only requests in this state")
        ->type_name("STATE")
        ->check(CLI::IsMember(state_names()));
    command->add_option("--format", options.format, "table, json (one array) or ndjson (one record a line)")
        ->check(CLI::IsMember({"table", "json", "ndjson"}))
        ->default_str("table");
    command->add_option("--now", options.now, "Count time left from this time (env BACKUP_REQUEST_NOW)")
        ->type_name("TIME")
        ->check(non_empty("a time like 2026-11-20T12:00:00Z"));
    return command;
}

CommandResult run_list(const ListOptions& options, CommandContext& context) {
    auto now = resolve_now(options.now, context);
    if (auto* error = std::get_if<NowError>(&now)) {
        return usage_failure("list", error->message);
    }
    const sys_seconds at = std::get<ResolvedNow>(now).time;
    auto opened = ledger_for_command("list", context);
    if (auto* failed = std::get_if<CommandFailure>(&opened)) {
        return std::move(*failed);
    }
    auto& store = std::get<std::unique_ptr<LedgerStore>>(opened);
    std::vector<LedgerRecord> records;
    try {
        if (store) {
            records = store->records_for_listing();
        }
    } catch (const LedgerUnavailable& unavailable) {
        return failure(ExitCode::input, std::string("ledger: ") + unavailable.what());
    }
    ListingFilter filter{options.all, std::nullopt, state_named(options.state), std::nullopt};
    if (options.mine) {
        filter.writer = writer_part(written_by(context));
    }
    if (!options.environment.empty()) {
        // The same reading as create's: the URL or capitalised host that was recorded finds its requests.
        auto host = normalize_environment_address(options.environment);
        if (auto* error = std::get_if<AddressError>(&host)) {
            return usage_failure("list", "--env: " + visible_text(error->message));
        }
        filter.environment = std::get<std::string>(host);
    }
    const auto shown = listed_records(std::move(records), filter);
    if (options.format == "json" || options.format == "ndjson") {
        auto array = nlohmann::ordered_json::array();
        for (const auto& record : shown) {
            if (options.format == "ndjson") {
                context.out << record_json(record, at, false).dump() << '\n';
            } else {
                array.push_back(record_json(record, at, false));
            }
        }
        if (options.format == "json") {
            context.out << array.dump(2) << '\n';
        }
        context.out << std::flush;
        return ExitCode::ok;
    }
    if (shown.empty()) {
        // The table's words go to stderr: a script reading stdout sees no rows, a person sees why.
        if (!context.quiet) {
            context.err
                << (options.all || filter.environment || filter.state || filter.writer
                        ? "No recorded request matches.\n"
                        : "No open requests. 'backup-request list --all' shows declined and closed ones "
                          "too.\n");
        }
        return ExitCode::ok;
    }
    const bool colour = use_color(context, context.environment.stdout_is_terminal);
    const auto emphasis = [](const std::string& text) { return "\x1b[1;31m" + text + "\x1b[0m"; };
    // At a terminal the table fits its width (rows that wrap are unreadable); a pipe gets whole values.
    const std::size_t width = context.environment.stdout_is_terminal ? context.environment.stdout_columns : 0;
    context.out << listing_table(shown, at,
                                 colour ? std::function<std::string(const std::string&)>(emphasis)
                                        : std::function<std::string(const std::string&)>(),
                                 width > 1 ? width - 1 : 0)
                << std::flush;
    return ExitCode::ok;
}

} // namespace

Command list_command() {
    auto options = std::make_shared<ListOptions>();
    return Command{"list", [options](CLI::App& app) { return add_list_command(app, *options); },
                   [options](const CLI::App& /*app*/, const CLI::App& /*command*/, CommandContext& context) {
                       return run_list(*options, context);
                   }};
}

} // namespace backup_request
