// Reads a PostgreSQL ledger's URL: takes out ?schema= (libpq would refuse it), notes a password written in
// it.
#include "backup_request/ledger/postgres_location.hpp"

#include <algorithm>

namespace backup_request {

bool is_postgres_location(std::string_view ledger) {
    return ledger.starts_with("postgresql://") || ledger.starts_with("postgres://");
}

std::variant<PostgresLocation, std::string> parse_postgres_location(std::string_view ledger) {
    PostgresLocation location;
    location.schema = std::string(default_ledger_schema);
    const auto scheme_end = ledger.find("://") + 3;
    const auto query_at = ledger.find('?');
    const std::string_view before_query = ledger.substr(0, query_at);
    const auto authority_end = before_query.find('/', scheme_end);
    const std::string_view authority =
        before_query.substr(scheme_end, authority_end == std::string_view::npos ? std::string_view::npos
                                                                                : authority_end - scheme_end);
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
        location.has_password = authority.substr(0, at).find(':') != std::string_view::npos;
    }
    location.conninfo = std::string(before_query);
    if (query_at == std::string_view::npos) {
        return location;
    }
    std::string kept;
    std::string_view query = ledger.substr(query_at + 1);
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (pair.starts_with("schema=")) {
            const std::string_view name = pair.substr(7);
            const bool valid = !name.empty() && name.size() <= 63 && !(name[0] >= '0' && name[0] <= '9') &&
                               std::all_of(name.begin(), name.end(), [](char c) {
                                   return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
                               });
            if (!valid) {
                return "the ledger's schema=" + std::string(name) +
                       " is not a schema name this tool uses: lower-case letters, digits and _ (not first), "
                       "at most 63, like schema=backup_request";
            }
            location.schema = std::string(name);
            continue;
        }
        if (pair.starts_with("password=")) {
            location.has_password = true;
        }
        if (!pair.empty()) {
            kept += (kept.empty() ? "?" : "&") + std::string(pair);
        }
    }
    location.conninfo += kept;
    return location;
}

} // namespace backup_request
