// The ledger at the command line's edge: which file (--no-ledger, --ledger or the config's ledger,
// BACKUP_REQUEST_LEDGER, the user's state folder), made private when it is created, opened for a command.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "backup_request/ledger/ledger_store.hpp"
#include "command_context.hpp"
#include "command_failure.hpp"

#include <memory>
#include <optional>
#include <string>

namespace backup_request {

// Which ledger a command uses: a path, or none and what turned it off ("--no-ledger",
// "BACKUP_REQUEST_NO_LEDGER=1", "the config file's no_ledger (config.toml:3)"). A typed --ledger wins over
// everything but a typed --no-ledger, which together are a usage failure, as BACKUP_REQUEST_LEDGER set but
// empty is. Throws LedgerUnavailable when no folder can be found for the default.
struct LedgerChoice {
    std::optional<std::string> path;
    std::string off_by;
};
[[nodiscard]] OrFailure<LedgerChoice> choose_ledger(const CommandContext& context);

// The ledger `command` uses (its path or address), or a usage failure when it is turned off or contradicts.
[[nodiscard]] OrFailure<std::string> choose_ledger_or_failure(const std::string& command,
                                                              const CommandContext& context);

// "--ledger PATH " (shell-quoted) when the ledger was typed, for hints that must work when run as printed;
// empty otherwise (the variable and the config are still in force then).
[[nodiscard]] std::string ledger_hint(const CommandContext& context);

// Who a record is written by: BACKUP_REQUEST_WRITTEN_BY when set (a shared service account, a CI job), else
// "login@machine" from the environment and the system ("unknown" for a part neither gives).
[[nodiscard]] std::string written_by(const CommandContext& context);

// How a command opens the ledger: read (list, show: read-only, never changed or migrated), write (mark:
// the file must be there), create (create, extend: a missing file is made).
enum class LedgerOpening { read, write, create };

// Opens the ledger at `path`. With `create`, a missing file is made first (0600, in folders made 0700, where
// a dangling link leads); otherwise a missing file is nullptr (nothing recorded yet). Throws
// LedgerUnavailable.
[[nodiscard]] std::unique_ptr<LedgerStore> open_ledger(const std::string& path, LedgerOpening opening);

// A usage failure when `output` ('-' or empty for stdout) is the ledger file itself, compared by identity
// (or by absolute path before either exists): writing a case there would destroy every record.
[[nodiscard]] std::optional<CommandFailure>
output_is_the_ledger(const std::string& command, const std::string& output, const CommandContext& context);

// The ledger for a command that reads or changes it (list, show, mark, extend --request): its failures as
// the command's (exit 2 when the ledger is turned off, 3 for a ledger that cannot be read, 4 for one that
// cannot be written); nullptr when there is none yet.
[[nodiscard]] OrFailure<std::unique_ptr<LedgerStore>>
ledger_for_command(const std::string& command, const CommandContext& context,
                   LedgerOpening opening = LedgerOpening::read);

// The record `id` names (in any case), or a usage failure naming the closest id (exit 2).
[[nodiscard]] OrFailure<LedgerRecord> record_named(const std::string& command, const std::string& id,
                                                   LedgerStore* store);

// A request in the ledger with the store it came from: opened for `command`, its failures as the command's
// (exit 3 for a ledger that cannot be read, exit 2 for an unknown id).
struct OpenedRecord {
    std::unique_ptr<LedgerStore> store;
    LedgerRecord record;
};
[[nodiscard]] OrFailure<OpenedRecord> open_record(const std::string& command, const std::string& id,
                                                  const CommandContext& context,
                                                  LedgerOpening opening = LedgerOpening::read);

} // namespace backup_request
