// The ledger in PostgreSQL, for a team (docs/ledger.md "For a team"): a schema of its own, versioned
// migrations run under a transaction-scoped advisory lock, every change in one transaction, and no session
// state, so it works behind PgBouncer's transaction pooling.
#pragma once

#include "backup_request/ledger/ledger_store.hpp"
#include "backup_request/ledger/postgres_location.hpp"

#include <memory>
#include <string>

namespace backup_request {

struct PostgresLedgerOptions {
    int connect_timeout_seconds = 5;        // libpq's connect_timeout, unless the URL gives its own
    int migrate_to = ledger_schema_version; // tests stop earlier to make old schemas
    // list, show, ledger info: never creates or migrates (a DBA's schema, a read-only replica); a missing
    // schema reads as an empty ledger.
    bool read_only = false;
};

// Whether this build links libpq (the Debian build does; see docs/platforms.md for the others).
[[nodiscard]] bool postgres_ledger_built();

// Connects to the server `location` names, and (unless read-only) creates and migrates its schema. Throws
// LedgerUnavailable with the reason.
[[nodiscard]] std::unique_ptr<LedgerStore> open_postgres_ledger(const PostgresLocation& location,
                                                                const PostgresLedgerOptions& options = {});

} // namespace backup_request
