// The ledger in one SQLite file (docs/ledger.md): a versioned schema migrated on open, WAL, a busy timeout,
// every change in one transaction.
#pragma once

#include "backup_request/ledger/ledger_store.hpp"

#include <chrono>
#include <memory>
#include <string>

namespace backup_request {

struct SqliteLedgerOptions {
    std::chrono::milliseconds busy_timeout{5000}; // how long to wait for another process's transaction
    int migrate_to = ledger_schema_version;       // tests stop earlier to make old files
    // Opened read-only (list, show): never written, migrated or switched to WAL, so a ledger on a read-only
    // file system can still be read. A file at an older schema is read as it is.
    bool read_only = false;
};

// Opens (creating it, with the schema, when it is empty) and migrates the ledger at `path`. Throws
// LedgerUnavailable with the reason when it cannot be used.
[[nodiscard]] std::unique_ptr<LedgerStore> open_sqlite_ledger(const std::string& path,
                                                              const SqliteLedgerOptions& options = {});

// The schema version of the ledger at `path`, read without changing it (tests, `--version`-like reports).
[[nodiscard]] int sqlite_ledger_version(const std::string& path);

} // namespace backup_request
