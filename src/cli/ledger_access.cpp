// Finds, creates and opens the ledger file for a command, and turns its failures into the command's.
#include "ledger_access.hpp"

#include "backup_request/exit_code.hpp"
#include "backup_request/ledger/postgres_ledger.hpp"
#include "backup_request/ledger/request_id.hpp"
#include "backup_request/ledger/sqlite_ledger.hpp"
#include "backup_request/platform/descriptors.hpp"
#include "backup_request/platform/file_status.hpp"
#include "backup_request/platform/folders.hpp"
#include "backup_request/platform/user_identity.hpp"
#include "backup_request/text/ascii_text.hpp"
#include "backup_request/text/closest_name.hpp"
#include "backup_request/text/visible_text.hpp"

#include <algorithm>

namespace backup_request {
namespace {

LedgerChoice ledger_at(std::string path) {
    return LedgerChoice{std::move(path), {}};
}

LedgerChoice no_ledger(std::string origin) {
    return LedgerChoice{std::nullopt, std::move(origin)};
}

// A word a shell passes on as it is, or the word in single quotes.
std::string shell_word(const std::string& text) {
    const bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::string_view("/._-+:@%,=").find(c) != std::string_view::npos;
    });
    if (plain) {
        return text;
    }
    std::string quoted = "'";
    for (const char c : text) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

} // namespace

OrFailure<LedgerChoice> choose_ledger(const CommandContext& context) {
    // What was typed wins; typing both is a contradiction, not a precedence question.
    if (context.ledger_on_command_line && context.no_ledger_on_command_line) {
        return usage_failure("", "--ledger and --no-ledger contradict each other; give one of them");
    }
    if (context.ledger_on_command_line) {
        return ledger_at(context.ledger);
    }
    if (context.no_ledger_on_command_line) {
        return no_ledger("--no-ledger");
    }
    // The config's ledger is a default, which a CI job or script that writes cases for others turns off for
    // the whole job with BACKUP_REQUEST_NO_LEDGER.
    if (auto off = context.environment.variable("BACKUP_REQUEST_NO_LEDGER");
        off && !off->empty() && *off != "0") {
        return no_ledger("BACKUP_REQUEST_NO_LEDGER=" + visible_text(*off));
    }
    if (context.no_ledger) {
        return no_ledger(context.no_ledger_origin);
    }
    if (!context.ledger.empty()) {
        return ledger_at(context.ledger);
    }
    if (auto variable = context.environment.variable("BACKUP_REQUEST_LEDGER")) {
        if (variable->find_first_not_of(" \t") == std::string::npos) {
            return usage_failure("",
                                 "BACKUP_REQUEST_LEDGER is set but empty: give the ledger's path, or unset "
                                 "it for the default, or use --no-ledger to record nothing");
        }
        return ledger_at(*variable);
    }
    const auto folder = platform::user_state_folder(context.environment.variable);
    if (!folder) {
        throw LedgerUnavailable("no folder for the ledger: HOME is not set (set XDG_STATE_HOME or HOME, or "
                                "give --ledger PATH)");
    }
    return ledger_at(platform::join_path(platform::join_path(*folder, "backup-request"), "ledger.sqlite"));
}

std::string ledger_hint(const CommandContext& context) {
    return context.ledger_on_command_line ? "--ledger " + shell_word(context.ledger) + " " : std::string();
}

std::string written_by(const CommandContext& context) {
    if (auto named = context.environment.variable("BACKUP_REQUEST_WRITTEN_BY");
        named && named->find_first_not_of(" \t") != std::string::npos) {
        return *named;
    }
    return platform::login_name(context.environment.variable).value_or("unknown") + "@" +
           platform::machine_name().value_or("unknown");
}

std::unique_ptr<LedgerStore> open_ledger(const std::string& path, LedgerOpening opening) {
    if (is_postgres_location(path)) {
        auto location = parse_postgres_location(path);
        if (const auto* problem = std::get_if<std::string>(&location)) {
            throw LedgerUnavailable(*problem);
        }
        PostgresLedgerOptions options;
        options.read_only = opening == LedgerOpening::read;
        return open_postgres_ledger(std::get<PostgresLocation>(location), options);
    }
    const auto status = platform::path_status(path);
    if (status.kind == platform::FileKind::missing) {
        if (opening != LedgerOpening::create) {
            return nullptr;
        }
        // A dangling link: the file is made where it leads, with the same care (SQLite would make it with the
        // default mode).
        const auto destination = platform::link_destination(path);
        if (destination.error != 0) {
            throw LedgerUnavailable("cannot create " + path + ": " + platform::error_text(destination.error));
        }
        const std::string& target = destination.path;
        // It holds justifications: a folder and a file only the user can read.
        if (const int error = platform::create_private_folders(platform::parent_folder(target)); error != 0) {
            throw LedgerUnavailable("cannot create the folder of " + target + ": " +
                                    platform::error_text(error));
        }
        if (const int error = platform::create_private_file(target); error != 0) {
            throw LedgerUnavailable("cannot create " + target + ": " + platform::error_text(error));
        }
    } else if (status.kind == platform::FileKind::folder) {
        throw LedgerUnavailable("cannot open " + path + ": it is a folder, not a ledger file");
    }
    SqliteLedgerOptions options;
    options.read_only = opening == LedgerOpening::read;
    return open_sqlite_ledger(path, options);
}

std::optional<CommandFailure> output_is_the_ledger(const std::string& command, const std::string& output,
                                                   const CommandContext& context) {
    std::optional<LedgerChoice> choice;
    try {
        auto chosen = choose_ledger(context);
        if (auto* picked = std::get_if<LedgerChoice>(&chosen)) {
            choice = std::move(*picked);
        }
    } catch (const LedgerUnavailable&) {
        return std::nullopt; // no ledger at all: nothing to overwrite
    }
    if (!choice || !choice->path) {
        return std::nullopt;
    }
    const std::string& ledger = *choice->path;
    const auto ledger_identity = platform::path_identity(ledger);
    const bool to_stdout = output.empty() || output == "-";
    const auto output_identity =
        to_stdout ? platform::descriptor_identity(1) : platform::path_identity(output);
    const bool same = ledger_identity
                          ? output_identity == ledger_identity
                          : !to_stdout && platform::absolute_path(output) == platform::absolute_path(ledger);
    if (!same) {
        return std::nullopt;
    }
    return usage_failure(command,
                         (to_stdout ? std::string("stdout") : "--output " + backup_request::quoted(output)) +
                             " is the ledger (" + backup_request::quoted(ledger) +
                             "): writing the case there would destroy every record; write the "
                             "case elsewhere, or give another --ledger");
}

OrFailure<std::string> choose_ledger_or_failure(const std::string& command, const CommandContext& context) {
    try {
        auto chosen = choose_ledger(context);
        if (auto* failed = std::get_if<CommandFailure>(&chosen)) {
            return usage_failure(command, failed->messages.front());
        }
        const auto& choice = std::get<LedgerChoice>(chosen);
        if (!choice.path) {
            return usage_failure(command, "this command reads the ledger, but " + choice.off_by +
                                              " turns it off; give --ledger PATH, or leave that out");
        }
        return *choice.path;
    } catch (const LedgerUnavailable& unavailable) {
        return failure(ExitCode::input, std::string("ledger: ") + unavailable.what());
    }
}

OrFailure<std::unique_ptr<LedgerStore>>
ledger_for_command(const std::string& command, const CommandContext& context, LedgerOpening opening) {
    auto chosen = choose_ledger_or_failure(command, context);
    if (auto* failed = std::get_if<CommandFailure>(&chosen)) {
        return std::move(*failed);
    }
    try {
        return open_ledger(std::get<std::string>(chosen), opening);
    } catch (const LedgerUnavailable& unavailable) {
        return failure(opening == LedgerOpening::read ? ExitCode::input : ExitCode::output,
                       std::string("ledger: ") + unavailable.what());
    }
}

OrFailure<LedgerRecord> record_named(const std::string& command, const std::string& typed,
                                     LedgerStore* store) {
    // Ids are lower case; one read aloud and typed in capitals is the same id.
    const std::string id = to_lower_ascii(typed);
    if (store != nullptr && id.size() == request_id_length) {
        if (auto found = store->find(id)) {
            return std::move(*found);
        }
    }
    // Something much longer than an id (a pasted line) is not compared with every id: that costs time for
    // no suggestion worth making, and the message shows only its start.
    constexpr std::size_t shown = 24;
    const bool far_too_long = id.size() > 2 * request_id_length;
    std::vector<std::string> ids;
    if (store != nullptr) {
        for (const auto& record : store->records_for_listing()) {
            ids.push_back(record.id);
        }
    }
    std::string message = "no request " +
                          backup_request::quoted(far_too_long ? typed.substr(0, shown) + "..." : typed) +
                          " in the ledger";
    const auto closest = far_too_long ? std::nullopt : closest_name(id, ids);
    if (closest) {
        message += "; did you mean " + *closest + "?";
    } else if (far_too_long) {
        message += " (an id is " + std::to_string(request_id_length) + " characters, like " +
                   (ids.empty() ? std::string("k7m2qz") : ids.back()) + ")";
    } else {
        message +=
            ids.empty() ? " (nothing is recorded yet)" : "; 'backup-request list --all' shows every id";
    }
    return usage_failure(command, message);
}

OrFailure<OpenedRecord> open_record(const std::string& command, const std::string& id,
                                    const CommandContext& context, LedgerOpening opening) {
    auto opened = ledger_for_command(command, context, opening);
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
