// A build without libpq: a PostgreSQL ledger is refused with what to use instead.
#include "backup_request/ledger/postgres_ledger.hpp"

namespace backup_request {

bool postgres_ledger_built() {
    return false;
}

std::unique_ptr<LedgerStore> open_postgres_ledger(const PostgresLocation& /*location*/,
                                                  const PostgresLedgerOptions& /*options*/) {
    throw LedgerUnavailable("this build of backup-request has no PostgreSQL ledger (it was built without "
                            "libpq; docs/platforms.md says which builds have it); use a ledger file, or the "
                            "Debian package's build");
}

} // namespace backup_request
