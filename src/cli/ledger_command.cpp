// `backup-request ledger info|import FILE`: which store is in use and what it holds, and moving a personal
// SQLite ledger into the one in use (the team's).
#include "backup_request/exit_code.hpp"
#include "backup_request/ledger/ledger_import.hpp"
#include "backup_request/ledger/sqlite_ledger.hpp"
#include "backup_request/platform/file_status.hpp"
#include "backup_request/platform/folders.hpp"
#include "backup_request/text/ascii_text.hpp"
#include "backup_request/text/visible_text.hpp"
#include "ledger_access.hpp"
#include "ledger_commands.hpp"

#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

namespace backup_request {
namespace {

struct LedgerOptions {
    std::string action;
    std::string file;
    std::string format = "text";
};

CLI::App* add_ledger_command(CLI::App& app, LedgerOptions& options) {
    CLI::App* command = app.add_subcommand(
        "ledger", "Which ledger is in use (info), or copy a personal one into it (import)");
    command->footer(
        "\nExamples:\n  backup-request ledger info\n  backup-request --ledger "
        "postgresql://ops@db.example.com/"
        "ops ledger import ~/.local/state/backup-request/ledger.sqlite\n\n"
        "import copies every request of FILE (a SQLite ledger) with its id and history into the ledger in "
        "use; "
        "a request imported before is left as it is, and an id that holds another request there is reported "
        "and skipped, so running it again is safe.");
    command->add_option("action", options.action, "info or import")
        ->type_name("ACTION")
        ->required()
        ->check(CLI::IsMember({"info", "import"}));
    command->add_option("file", options.file, "import: the SQLite ledger to copy from")->type_name("FILE");
    command->add_option("--format", options.format, "text or json")
        ->check(CLI::IsMember({"text", "json"}))
        ->default_str("text");
    return command;
}

CommandResult run_info(const LedgerOptions& options, CommandContext& context) {
    auto chosen = choose_ledger_or_failure("ledger", context);
    if (auto* failed = std::get_if<CommandFailure>(&chosen)) {
        return std::move(*failed);
    }
    const std::string location = std::get<std::string>(chosen);
    auto opened = ledger_for_command("ledger", context);
    if (auto* failed = std::get_if<CommandFailure>(&opened)) {
        return std::move(*failed);
    }
    auto& store = std::get<std::unique_ptr<LedgerStore>>(opened);
    LedgerStore::Description description{"sqlite", location, 0, 0};
    try {
        if (store) {
            description = store->describe();
        }
        if (description.kind == "sqlite") {
            description.location = platform::absolute_path(description.location);
        }
    } catch (const LedgerUnavailable& unavailable) {
        return failure(ExitCode::input, std::string("ledger: ") + unavailable.what());
    }
    // A file or schema made but never written to holds nothing yet either.
    const bool exists = store != nullptr && description.schema_version > 0;
    if (options.format == "json") {
        nlohmann::ordered_json out;
        out["store"] = description.kind;
        out["location"] = description.location;
        out["exists"] = exists;
        out["schema_version"] = description.schema_version;
        out["current_schema_version"] = ledger_schema_version;
        out["records"] = description.records;
        context.out << out.dump(2) << '\n' << std::flush;
        return ExitCode::ok;
    }
    context.out << "store:           " << description.kind << '\n'
                << "location:        " << visible_text(description.location)
                << (exists ? "" : " (not created yet: the first case recorded creates it)") << '\n'
                << "schema version:  " << description.schema_version;
    if (exists && description.schema_version < ledger_schema_version) {
        context.out << " (this version writes " << ledger_schema_version << "; the next change migrates it)";
    }
    context.out << '\n' << "requests:        " << description.records << '\n' << std::flush;
    return ExitCode::ok;
}

CommandResult run_import(const LedgerOptions& options, CommandContext& context) {
    if (options.file.empty()) {
        return usage_failure("ledger", "import needs the SQLite ledger to copy from: backup-request ledger "
                                       "import FILE");
    }
    const auto status = platform::path_status(options.file);
    if (status.kind == platform::FileKind::missing) {
        return failure(ExitCode::input,
                       "cannot import " + backup_request::quoted(options.file) + ": no such file");
    }
    if (auto same = output_is_the_ledger("ledger", options.file, context)) {
        same->messages.front() = "cannot import " + backup_request::quoted(options.file) +
                                 " into itself: it is the ledger in use; give another --ledger to import "
                                 "into";
        return std::move(*same);
    }
    std::unique_ptr<LedgerStore> source;
    std::vector<LedgerRecord> records;
    try {
        SqliteLedgerOptions reading;
        reading.read_only = true;
        source = open_sqlite_ledger(options.file, reading);
        records = source->records();
    } catch (const LedgerUnavailable& unavailable) {
        return failure(ExitCode::input, "cannot import: " + std::string(unavailable.what()));
    }
    auto opened = ledger_for_command("ledger", context, LedgerOpening::create);
    if (auto* failed = std::get_if<CommandFailure>(&opened)) {
        return std::move(*failed);
    }
    auto& target = std::get<std::unique_ptr<LedgerStore>>(opened);
    nlohmann::ordered_json report = {{"imported", nlohmann::json::array()},
                                     {"already_there", nlohmann::json::array()},
                                     {"conflicting", nlohmann::json::array()}};
    try {
        for (const auto& record : records) {
            switch (import_record(*target, record, source->attempts(record.id))) {
            case ImportOutcome::imported:
                report["imported"].push_back(record.id);
                break;
            case ImportOutcome::already_there:
                report["already_there"].push_back(record.id);
                break;
            case ImportOutcome::conflicting:
                report["conflicting"].push_back(record.id);
                if (!context.quiet) {
                    context.err << "warning: request " << record.id
                                << ": the ledger in use already has this id for another request, or for this "
                                   "one at another step; skipped (compare them with backup-request show "
                                << record.id << ") [import-conflict]\n";
                }
                break;
            }
        }
    } catch (const LedgerUnavailable& unavailable) {
        // Each request goes in its own transaction: those counted went in, the rest did not; a re-run
        // continues.
        return failure(ExitCode::output, "ledger: " + std::string(unavailable.what()) + "; " +
                                             std::to_string(report["imported"].size()) +
                                             " imported before it stopped, run it again to go on");
    }
    if (options.format == "json") {
        context.out << report.dump(2) << '\n' << std::flush;
    }
    if (!context.quiet) {
        context.err << "Imported " << report["imported"].size() << " of " << records.size()
                    << " requests from " << visible_text(options.file);
        if (!report["already_there"].empty()) {
            context.err << "; " << report["already_there"].size() << " already there";
        }
        if (!report["conflicting"].empty()) {
            context.err << "; " << report["conflicting"].size() << " skipped (their ids hold other requests)";
        }
        context.err << ".\n";
    }
    return ExitCode::ok;
}

} // namespace

Command ledger_command() {
    auto options = std::make_shared<LedgerOptions>();
    return Command{"ledger", [options](CLI::App& app) { return add_ledger_command(app, *options); },
                   [options](const CLI::App& /*app*/, const CLI::App& /*command*/, CommandContext& context) {
                       return options->action == "info" ? run_info(*options, context)
                                                        : run_import(*options, context);
                   }};
}

} // namespace backup_request
