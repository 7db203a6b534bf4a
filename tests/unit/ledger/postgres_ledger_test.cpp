// The PostgreSQL ledger's own promises, on the server scripts/postgres-server.sh starts (ctest's postgres
// fixture runs these with BACKUP_REQUEST_TEST_POSTGRES_ENV; without a server they have nothing to run against
// and pass empty): each migration keeps what was there, a read-only look changes nothing, a newer schema
// and a server that cannot be used are LedgerUnavailable with the reason.
#include "backup_request/ledger/postgres_ledger.hpp"
#include "backup_request/ledger/request_id.hpp"
#include "ledger/ledger_test_records.hpp"
#include "ledger/store_under_test.hpp"

#include <catch2/catch.hpp>
#include <libpq-fe.h>

using namespace backup_request;
using backup_request::test::access_record;

namespace {

std::string server_url() {
    auto server = test::postgres_test_server();
    return server["BACKUP_REQUEST_TEST_POSTGRESQL"];
}

// Runs SQL as another program would (the old version that wrote a schema, a DBA).
void run_sql(const std::string& url, const std::string& sql) {
    PGconn* connection = PQconnectdb(url.c_str());
    REQUIRE(PQstatus(connection) == CONNECTION_OK);
    PGresult* result = PQexec(connection, sql.c_str());
    const auto status = PQresultStatus(result);
    INFO(PQerrorMessage(connection));
    CHECK((status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK));
    PQclear(result);
    PQfinish(connection);
}

std::string failure_of(const PostgresLocation& location, const PostgresLedgerOptions& options = {}) {
    try {
        (void)open_postgres_ledger(location, options);
    } catch (const LedgerUnavailable& unavailable) {
        return unavailable.what();
    }
    return "opened";
}

PostgresLedgerOptions at_version(int version, bool read_only = false) {
    PostgresLedgerOptions options;
    options.migrate_to = version;
    options.read_only = read_only;
    return options;
}

} // namespace

TEST_CASE("postgresql: migrations 1 to 4, each keeping what was there") {
    const std::string url = server_url();
    if (url.empty()) {
        return;
    }
    const std::string schema = test::fresh_schema();
    const auto location = test::test_location(url, schema);
    // A schema that is not there reads as an empty ledger, and reading does not make it.
    CHECK(open_postgres_ledger(location, at_version(4, true))->describe().schema_version == 0);
    CHECK(open_postgres_ledger(location, at_version(4, true))->records().empty());
    CHECK(open_postgres_ledger(location, at_version(4, true))->describe().schema_version == 0);

    CHECK(open_postgres_ledger(location, at_version(1))->describe().schema_version == 1);
    // A request as version 1 wrote it: no written_by column yet, events beside it.
    run_sql(
        url,
        "INSERT INTO " + schema +
            ".requests (id, request_type, point_in_time, environments, justification, written_at, format, "
            "destination, payload, state) VALUES ('k7m2qz', 'database-backup-access', "
            "'2026-11-20T14:30:00Z', '[\"acme-prd.example.com\", \"acme-dev.example.com\"]', 'why', "
            "'2026-11-20T16:00:00Z', 'json', 'stdout', '{}', 'submitted'); INSERT INTO " +
            schema +
            ".events VALUES ('k7m2qz', 0, 'written', '2026-11-20T16:00:00Z', ''), ('k7m2qz', 1, "
            "'submitted', '2026-11-20T17:00:00Z', 'case 01234567')");
    {
        // Read-only at version 1: read as it is.
        const auto records = open_postgres_ledger(location, at_version(4, true))->records();
        REQUIRE(records.size() == 1);
        CHECK(records[0].history.size() == 2);
        CHECK_FALSE(records[0].written_by.has_value());
    }
    // 2: the environments indexed from the records already there.
    CHECK(open_postgres_ledger(location, at_version(2))->records_naming({"acme-dev.example.com"}).size() ==
          1);
    // 3: the attempts table, empty.
    CHECK(open_postgres_ledger(location, at_version(3))->attempts("k7m2qz").empty());
    // 4: written_by, none for what was there.
    auto store = open_postgres_ledger(location);
    CHECK(store->describe().schema_version == 4);
    const auto found = store->find("k7m2qz");
    REQUIRE(found.has_value());
    CHECK(found->state == RequestState::submitted);
    CHECK(found->environments == std::vector<std::string>{"acme-prd.example.com", "acme-dev.example.com"});
    CHECK(found->history.size() == 2);
    CHECK_FALSE(found->written_by.has_value());
    // At the current version: opening again changes nothing.
    CHECK(open_postgres_ledger(location)->describe().records == 1);
}

TEST_CASE("postgresql: a schema a DBA made is used as it is") {
    const std::string url = server_url();
    if (url.empty()) {
        return;
    }
    const std::string schema = test::fresh_schema();
    run_sql(url, "CREATE SCHEMA " + schema);
    auto store = open_postgres_ledger(test::test_location(url, schema));
    CHECK(store->describe().schema_version == ledger_schema_version);
    CHECK(store->describe().location.ends_with("(schema " + schema + ")"));
}

TEST_CASE("postgresql: what cannot be used is a LedgerUnavailable with the reason") {
    const std::string url = server_url();
    if (url.empty()) {
        return;
    }
    const auto location = test::test_location(url, test::fresh_schema());
    (void)open_postgres_ledger(location);
    run_sql(url, "UPDATE " + location.schema + ".ledger_schema SET version = 9");
    CHECK(failure_of(location).ends_with("it was written by a newer backup-request (ledger schema 9, this "
                                         "version knows up to 4); upgrade backup-request, or use another "
                                         "--ledger"));
    CHECK(failure_of(location, at_version(4, true)) == failure_of(location));
    // Nothing listens on port 1; a database that is not there.
    const auto nobody =
        std::get<PostgresLocation>(parse_postgres_location("postgresql://ledger@127.0.0.1:1/ledger"));
    CHECK(failure_of(nobody).starts_with("cannot connect to PostgreSQL: connection to server at "
                                         "\"127.0.0.1\", port 1 failed: Connection refused"));
    const auto no_database = test::test_location(url + "_missing", "backup_request");
    CHECK(failure_of(no_database).find("database \"ledger_missing\" does not exist") != std::string::npos);
}
