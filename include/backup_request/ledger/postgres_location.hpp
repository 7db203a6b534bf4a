// A PostgreSQL ledger's address as people write it (--ledger, BACKUP_REQUEST_LEDGER, the config's ledger):
// postgresql://user@host[:port]/db[?schema=NAME&sslmode=...]. Pure: read without connecting.
#pragma once

#include <string>
#include <string_view>
#include <variant>

namespace backup_request {

// The schema the ledger lives in unless ?schema= names another.
inline constexpr std::string_view default_ledger_schema = "backup_request";

// Whether `ledger` names a PostgreSQL ledger (postgresql:// or postgres://) rather than a file.
[[nodiscard]] bool is_postgres_location(std::string_view ledger);

struct PostgresLocation {
    std::string conninfo;      // the URL for libpq: ours without `schema`; sslmode and the rest pass through
    std::string schema;        // an SQL identifier: lower-case letters, digits and _, at most 63
    bool has_password = false; // user:password@ or ?password=
};

// The location, or why it is not one (one line, saying what to write instead).
[[nodiscard]] std::variant<PostgresLocation, std::string> parse_postgres_location(std::string_view ledger);

} // namespace backup_request
