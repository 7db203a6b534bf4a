// Finds, creates and opens the ledger file for a command, and turns its failures into the command's.
#include "ledger_access.hpp"

#include "backup_request/exit_code.hpp"
#include "backup_request/ledger/sqlite_ledger.hpp"
#include "backup_request/platform/descriptors.hpp"
#include "backup_request/platform/file_status.hpp"
#include "backup_request/platform/folders.hpp"
#include "backup_request/text/ascii_text.hpp"
#include "backup_request/text/closest_name.hpp"
#include "backup_request/text/visible_text.hpp"

namespace backup_request {

OrFailure<std::optional<std::string>> ledger_path(const CommandContext& context) {
    if (context.no_ledger) {
        return std::optional<std::string>();
    }
    // --ledger on the command line is this run's choice; the config's is a default, which a CI job or script
    // that writes cases for others turns off for the whole job with BACKUP_REQUEST_NO_LEDGER.
    if (!context.ledger.empty() && context.ledger_on_command_line) {
        return std::optional<std::string>(context.ledger);
    }
    if (auto off = context.environment.variable("BACKUP_REQUEST_NO_LEDGER");
        off && !off->empty() && *off != "0") {
        return std::optional<std::string>();
    }
    if (!context.ledger.empty()) {
        return std::optional<std::string>(context.ledger);
    }
    if (auto variable = context.environment.variable("BACKUP_REQUEST_LEDGER")) {
        if (variable->find_first_not_of(" \t") == std::string::npos) {
            return usage_failure("",
                                 "BACKUP_REQUEST_LEDGER is set but empty: give the ledger's path, or unset "
                                 "it for the default, or use --no-ledger to record nothing");
        }
        return std::optional<std::string>(*variable);
    }
    const auto folder = platform::user_state_folder(context.environment.variable);
    if (!folder) {
        throw LedgerUnavailable("no folder for the ledger: HOME is not set (set XDG_STATE_HOME or HOME, or "
                                "give --ledger PATH)");
    }
    return std::optional<std::string>(
        platform::join_path(platform::join_path(*folder, "backup-request"), "ledger.sqlite"));
}

std::unique_ptr<LedgerStore> open_ledger(const std::string& path, bool create) {
    const auto status = platform::path_status(path);
    if (status.kind == platform::FileKind::missing) {
        if (!create) {
            return nullptr;
        }
        // It holds justifications: a folder and a file only the user can read.
        if (const int error = platform::create_private_folders(platform::parent_folder(path)); error != 0) {
            throw LedgerUnavailable("cannot create the folder of " + path + ": " +
                                    platform::error_text(error));
        }
        if (const int error = platform::create_private_file(path); error != 0) {
            throw LedgerUnavailable("cannot create " + path + ": " + platform::error_text(error));
        }
    } else if (status.kind == platform::FileKind::folder) {
        throw LedgerUnavailable("cannot open " + path + ": it is a folder, not a ledger file");
    }
    return open_sqlite_ledger(path);
}

OrFailure<std::unique_ptr<LedgerStore>> ledger_for_command(const std::string& command,
                                                           const CommandContext& context) {
    try {
        auto path = ledger_path(context);
        if (auto* failed = std::get_if<CommandFailure>(&path)) {
            return std::move(*failed);
        }
        const auto& chosen = std::get<std::optional<std::string>>(path);
        if (!chosen) {
            return usage_failure(command,
                                 "--no-ledger: this command reads the ledger; leave --no-ledger out");
        }
        return open_ledger(*chosen, false);
    } catch (const LedgerUnavailable& unavailable) {
        return failure(ExitCode::input, std::string("ledger: ") + unavailable.what());
    }
}

OrFailure<LedgerRecord> record_named(const std::string& command, const std::string& id, LedgerStore* store) {
    if (store != nullptr) {
        if (auto found = store->find(id)) {
            return std::move(*found);
        }
    }
    std::vector<std::string> ids;
    if (store != nullptr) {
        for (const auto& record : store->records()) {
            ids.push_back(record.id);
        }
    }
    std::string message = "no request " + backup_request::quoted(id) + " in the ledger";
    if (const auto closest = closest_name(id, ids)) {
        message += "; did you mean " + *closest + "?";
    } else {
        message +=
            ids.empty() ? " (nothing is recorded yet)" : "; 'backup-request list --all' shows every id";
    }
    return usage_failure(command, message);
}

OrFailure<OpenedRecord> open_record(const std::string& command, const std::string& id,
                                    const CommandContext& context) {
    auto opened = ledger_for_command(command, context);
    if (auto* failed = std::get_if<CommandFailure>(&opened)) {
        return std::move(*failed);
    }
    auto& store = std::get<std::unique_ptr<LedgerStore>>(opened);
    try {
        auto found = record_named(command, id, store.get());
        if (auto* failed = std::get_if<CommandFailure>(&found)) {
            return std::move(*failed);
        }
        return OpenedRecord{std::move(store), std::move(std::get<LedgerRecord>(found))};
    } catch (const LedgerUnavailable& unavailable) {
        return failure(ExitCode::input, std::string("ledger: ") + unavailable.what());
    }
}

} // namespace backup_request
