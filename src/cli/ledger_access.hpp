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

// The ledger's path; none with --no-ledger. A usage failure for BACKUP_REQUEST_LEDGER set but empty; a
// LedgerUnavailable when no folder can be found for the default.
[[nodiscard]] OrFailure<std::optional<std::string>> ledger_path(const CommandContext& context);

// Opens the ledger at `path`. With `create`, a missing file is made first (0600, in folders made 0700);
// without, a missing file is nullptr (nothing recorded yet). Throws LedgerUnavailable.
[[nodiscard]] std::unique_ptr<LedgerStore> open_ledger(const std::string& path, bool create);

// The ledger for a command that reads or changes it (list, show, mark, extend --request): its failures as
// the command's (exit 2 for --no-ledger, 3 for a ledger that cannot be read); nullptr when there is none yet.
[[nodiscard]] OrFailure<std::unique_ptr<LedgerStore>> ledger_for_command(const std::string& command,
                                                                         const CommandContext& context);

// The record `id` names, or a usage failure naming the closest id (exit 2).
[[nodiscard]] OrFailure<LedgerRecord> record_named(const std::string& command, const std::string& id,
                                                   LedgerStore* store);

// A request in the ledger with the store it came from (to change it): opened for `command`, its failures as
// the command's (exit 3 for a ledger that cannot be read, exit 2 for an unknown id).
struct OpenedRecord {
    std::unique_ptr<LedgerStore> store;
    LedgerRecord record;
};
[[nodiscard]] OrFailure<OpenedRecord> open_record(const std::string& command, const std::string& id,
                                                  const CommandContext& context);

} // namespace backup_request
