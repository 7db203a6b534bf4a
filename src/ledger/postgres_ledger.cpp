// The PostgreSQL ledger: the same tables as the SQLite file's, in a schema of its own; migrations and adds
// under transaction-scoped advisory locks (session ones would strand behind PgBouncer), rows locked FOR
// UPDATE where a change depends on what was read.
#include "backup_request/ledger/postgres_ledger.hpp"

#include "postgres_connection.hpp"
#include "stored_record.hpp"

#include <array>
#include <map>
#include <nlohmann/json.hpp>

namespace backup_request {
namespace {

using postgres::Parameters;

// migrations[N - 1] takes a schema from version N - 1 to N, one statement each ({s}: the schema). The same
// steps as the SQLite file's, so a version means the same in both. Never edit one that shipped: add the next.
const std::array<std::vector<const char*>, 4> migrations = {{
    {R"sql(CREATE TABLE {s}.requests (
    id text PRIMARY KEY,
    request_type text NOT NULL,
    point_in_time text,
    environments text NOT NULL,
    reference text,
    contact text,
    justification text NOT NULL,
    written_at text NOT NULL,
    retention_deadline text,
    format text NOT NULL,
    destination text NOT NULL,
    payload text NOT NULL,
    state text NOT NULL,
    case_id text,
    ticket text,
    delivered_at text,
    access_ends_at text,
    extends text))sql",
     R"sql(CREATE TABLE {s}.events (
    request_id text NOT NULL REFERENCES {s}.requests(id),
    seq integer NOT NULL,
    state text NOT NULL,
    recorded_at text NOT NULL,
    detail text NOT NULL,
    PRIMARY KEY (request_id, seq)))sql"},
    {R"sql(CREATE TABLE {s}.request_environments (
    request_id text NOT NULL REFERENCES {s}.requests(id),
    host text NOT NULL,
    PRIMARY KEY (request_id, host)))sql",
     "CREATE INDEX request_environments_by_host ON {s}.request_environments(host)",
     "INSERT INTO {s}.request_environments (request_id, host) SELECT DISTINCT id, "
     "json_array_elements_text(environments::json) FROM {s}.requests"},
    {R"sql(CREATE TABLE {s}.submissions (
    request_id text NOT NULL REFERENCES {s}.requests(id),
    seq integer NOT NULL,
    tracker text NOT NULL,
    started_at text NOT NULL,
    sending_until text NOT NULL,
    outcome text NOT NULL,
    ticket text,
    url text,
    detail text NOT NULL,
    PRIMARY KEY (request_id, seq)))sql"},
    {"ALTER TABLE {s}.requests ADD COLUMN written_by text"},
}};

// The order every read gives, byte order as SQLite's (a database's collation would sort ids by its locale).
constexpr const char* oldest_first = R"sql( ORDER BY written_at COLLATE "C", id COLLATE "C")sql";

// SQLSTATEs read here: the schema or table is not there; a unique key taken.
constexpr std::string_view undefined_table = "42P01";
constexpr std::string_view invalid_schema_name = "3F000";
constexpr std::string_view unique_violation = "23505";

class PostgresLedger final : public LedgerStore {
  public:
    PostgresLedger(const PostgresLocation& location, const PostgresLedgerOptions& options)
        : connection_(location.conninfo, options.connect_timeout_seconds), schema_(location.schema),
          qualified_("\"" + location.schema + "\"") {
        where_ = connection_.address() + " (schema " + schema_ + ")";
        version_ = stored_version();
        if (version_ < 0 || version_ > ledger_schema_version) {
            unknown_version(version_);
        }
        if (!options.read_only && version_ < options.migrate_to) {
            migrate(std::min(options.migrate_to, ledger_schema_version));
        }
    }

    std::vector<LedgerRecord> records() override {
        if (version_ == 0) {
            return {};
        }
        return select("SELECT " + read_columns() + " FROM " + table("requests") + oldest_first, {}, true);
    }

    std::vector<LedgerRecord> records_for_listing() override {
        if (version_ == 0) {
            return {};
        }
        return select("SELECT " + read_columns(true) + " FROM " + table("requests") + oldest_first, {}, true,
                      false);
    }

    std::vector<LedgerRecord> records_naming(const std::vector<std::string>& hosts) override {
        if (version_ == 0) {
            return {};
        }
        return select("SELECT " + read_columns() + " FROM " + table("requests") +
                          " WHERE id IN (SELECT request_id FROM " + table("request_environments") +
                          " WHERE host IN (SELECT json_array_elements_text($1::json)))" + oldest_first,
                      {nlohmann::json(hosts).dump()}, false);
    }

    std::optional<LedgerRecord> find(const std::string& id) override {
        if (version_ == 0) {
            return std::nullopt;
        }
        auto found =
            select("SELECT " + read_columns() + " FROM " + table("requests") + " WHERE id = $1", {id}, false);
        if (found.empty()) {
            return std::nullopt;
        }
        return std::move(found.front());
    }

    std::optional<std::string> add_if(const LedgerRecord& record,
                                      const std::function<std::string(unsigned)>& choose_id,
                                      const Admission& admit) override {
        postgres::Transaction transaction(connection_);
        // One add at a time in this schema: what `admit` reads stays the last word until the commit. A
        // transaction-scoped lock, released by COMMIT or ROLLBACK whichever server connection ran it.
        lock("add");
        if (admit && !admit(records_naming(record.environments))) {
            return std::nullopt;
        }
        std::string id;
        for (unsigned attempt = 0;; ++attempt) {
            id = choose_id(attempt);
            if (id.empty()) {
                return std::nullopt;
            }
            if (connection_.run("SELECT 1 FROM " + table("requests") + " WHERE id = $1", {id}).rows() == 0) {
                break;
            }
        }
        std::string placeholders;
        for (int index = 1; index <= stored::record_column_count; ++index) {
            placeholders += (index == 1 ? "$" : ", $") + std::to_string(index);
        }
        const auto values = stored::record_values(id, record);
        (void)connection_.run("INSERT INTO " + table("requests") + " (" + stored::record_columns +
                                  ") VALUES (" + placeholders + ")",
                              Parameters(values.begin(), values.end()));
        (void)connection_.run("INSERT INTO " + table("request_environments") +
                                  " SELECT DISTINCT $1, json_array_elements_text($2::json)",
                              {id, nlohmann::json(record.environments).dump()});
        write_events(id, record.history, 0);
        transaction.commit();
        return id;
    }

    bool withdraw(const std::string& id) override {
        postgres::Transaction transaction(connection_);
        const auto current = connection_.run("SELECT state, (SELECT count(*) FROM " + table("events") +
                                                 " WHERE request_id = $1), (SELECT count(*) "
                                                 "FROM " +
                                                 table("submissions") + " WHERE request_id = $1) FROM " +
                                                 table("requests") + " WHERE id = $1 FOR UPDATE",
                                             {id});
        if (current.rows() == 0 || current.text(0, 0) != state_name(RequestState::written) ||
            current.text(0, 1) != "1" || current.text(0, 2) != "0") {
            return false;
        }
        for (const char* name : {"request_environments", "events"}) {
            (void)connection_.run("DELETE FROM " + table(name) + " WHERE request_id = $1", {id});
        }
        (void)connection_.run("DELETE FROM " + table("requests") + " WHERE id = $1", {id});
        transaction.commit();
        return true;
    }

    bool update_lifecycle(const LedgerRecord& updated, const LedgerRecord& as_read) override {
        postgres::Transaction transaction(connection_);
        // The row locked: a second mark of the same request waits here, then sees the first one's change.
        const auto current = connection_.run("SELECT state, access_ends_at, (SELECT count(*) FROM " +
                                                 table("events") + " WHERE request_id = $1) FROM " +
                                                 table("requests") + " WHERE id = $1 FOR UPDATE",
                                             {updated.id});
        if (current.rows() == 0 || current.text(0, 0) != state_name(as_read.state) ||
            current.value(0, 1) != stored::time_text(as_read.access_ends_at) ||
            current.text(0, 2) != std::to_string(as_read.history.size())) {
            return false;
        }
        (void)connection_.run("UPDATE " + table("requests") +
                                  " SET state = $2, case_id = $3, ticket = $4, delivered_at = $5, "
                                  "access_ends_at = $6 WHERE id = $1",
                              {updated.id, std::string(state_name(updated.state)), updated.case_id,
                               updated.ticket, stored::time_text(updated.delivered_at),
                               stored::time_text(updated.access_ends_at)});
        write_events(updated.id, updated.history, as_read.history.size());
        transaction.commit();
        return true;
    }

    std::vector<SubmissionAttempt> attempts(const std::string& id) override {
        if (version_ < 3) {
            return {};
        }
        const auto rows = connection_.run("SELECT seq, tracker, started_at, sending_until, outcome, ticket, "
                                          "url, detail FROM " +
                                              table("submissions") + " WHERE request_id = $1 ORDER BY seq",
                                          {id});
        std::vector<SubmissionAttempt> found;
        found.reserve(static_cast<std::size_t>(rows.rows()));
        for (int row = 0; row < rows.rows(); ++row) {
            found.push_back({id, static_cast<std::size_t>(std::stoull(rows.text(row, 0))), rows.text(row, 1),
                             stored::stored_time(rows.text(row, 2), where_),
                             stored::stored_time(rows.text(row, 3), where_),
                             stored::stored_outcome(rows.text(row, 4), id, where_), rows.value(row, 5),
                             rows.value(row, 6), rows.text(row, 7)});
        }
        return found;
    }

    bool begin_attempt(const SubmissionAttempt& attempt) override {
        postgres::Transaction transaction(connection_);
        // The request's row locked: two runs taking the same seq queue here, and the second sees the first's.
        (void)connection_.run("SELECT 1 FROM " + table("requests") + " WHERE id = $1 FOR UPDATE",
                              {attempt.request_id});
        const auto taken = connection_.run(
            "SELECT count(*) FROM " + table("submissions") + " WHERE request_id = $1", {attempt.request_id});
        if (taken.text(0, 0) != std::to_string(attempt.seq)) {
            return false;
        }
        try {
            (void)connection_.run(
                "INSERT INTO " + table("submissions") + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                {attempt.request_id, std::to_string(attempt.seq), attempt.tracker,
                 format_utc_time(attempt.started_at), format_utc_time(attempt.sending_until),
                 std::string(outcome_name(attempt.outcome)), attempt.ticket, attempt.url, attempt.detail});
        } catch (const postgres::StatementFailed& failed) {
            if (failed.sqlstate() == unique_violation) {
                return false;
            }
            throw;
        }
        transaction.commit();
        return true;
    }

    void finish_attempt(const SubmissionAttempt& attempt) override {
        (void)connection_.run("UPDATE " + table("submissions") +
                                  " SET outcome = $3, ticket = $4, url = $5, detail = $6 WHERE request_id = "
                                  "$1 AND seq = $2",
                              {attempt.request_id, std::to_string(attempt.seq),
                               std::string(outcome_name(attempt.outcome)), attempt.ticket, attempt.url,
                               attempt.detail});
    }

    Description describe() override {
        std::size_t count = 0;
        if (version_ > 0) {
            count = std::stoull(connection_.run("SELECT count(*) FROM " + table("requests")).text(0, 0));
        }
        return {"postgresql", where_, version_, count};
    }

  private:
    [[nodiscard]] std::string table(const char* name) const { return qualified_ + "." + name; }

    // A store opened read-only is not migrated: one older than version 4 has no written_by.
    [[nodiscard]] std::string read_columns(bool for_listing = false) const {
        return stored::select_columns(version_ >= 4, for_listing);
    }

    void lock(const std::string& what) {
        (void)connection_.run("SELECT pg_advisory_xact_lock(hashtext($1))",
                              {"backup-request " + what + " " + schema_});
    }

    // 0 when the schema or its version table is not there yet.
    int stored_version() {
        try {
            const auto rows = connection_.run("SELECT version FROM " + table("ledger_schema"));
            return rows.rows() == 0 ? 0 : std::stoi(rows.text(0, 0));
        } catch (const postgres::StatementFailed& failed) {
            if (failed.sqlstate() == undefined_table || failed.sqlstate() == invalid_schema_name) {
                return 0;
            }
            throw;
        }
    }

    [[noreturn]] void unknown_version(int version) const {
        if (version > ledger_schema_version) {
            throw LedgerUnavailable("cannot use the ledger at " + where_ + ": it was written by a newer " +
                                    "backup-request (ledger schema " + std::to_string(version) +
                                    ", this version knows up to " + std::to_string(ledger_schema_version) +
                                    "); upgrade backup-request, or use another --ledger");
        }
        throw LedgerUnavailable("cannot use the ledger at " + where_ + ": its schema version is " +
                                std::to_string(version) +
                                ", which no backup-request writes; use another schema");
    }

    void migrate(int target) {
        postgres::Transaction transaction(connection_);
        lock("migrate");
        // A DBA may have made the schema (then this role needs no CREATE on the database).
        if (connection_.run("SELECT 1 FROM pg_namespace WHERE nspname = $1", {schema_}).rows() == 0) {
            (void)connection_.run("CREATE SCHEMA " + qualified_);
        }
        (void)connection_.run("CREATE TABLE IF NOT EXISTS " + table("ledger_schema") +
                              " (version integer NOT NULL)");
        const int version = stored_version(); // another process may have migrated meanwhile
        if (version < 0 || version > ledger_schema_version) {
            unknown_version(version);
        }
        for (int step = version; step < target; ++step) {
            for (const char* statement : migrations.at(static_cast<std::size_t>(step))) {
                std::string sql = statement;
                for (auto at = sql.find("{s}"); at != std::string::npos; at = sql.find("{s}", at)) {
                    sql.replace(at, 3, qualified_);
                }
                (void)connection_.run(sql);
            }
        }
        if (version < target) {
            (void)connection_.run("DELETE FROM " + table("ledger_schema"));
            (void)connection_.run("INSERT INTO " + table("ledger_schema") + " VALUES ($1)",
                                  {std::to_string(target)});
        }
        transaction.commit();
        version_ = std::max(version, target);
    }

    void write_events(const std::string& id, const std::vector<LedgerEvent>& history, std::size_t from) {
        for (std::size_t seq = from; seq < history.size(); ++seq) {
            const LedgerEvent& event = history[seq];
            (void)connection_.run("INSERT INTO " + table("events") + " VALUES ($1, $2, $3, $4, $5)",
                                  {id, std::to_string(seq), std::string(state_name(event.state)),
                                   format_utc_time(event.recorded_at), event.detail});
        }
    }

    // The records and their histories from one snapshot.
    std::vector<LedgerRecord> select(const std::string& sql, const Parameters& parameters, bool every_record,
                                     bool with_history = true) {
        postgres::Transaction transaction(connection_, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        const auto rows = connection_.run(sql, parameters);
        std::vector<LedgerRecord> found;
        std::map<std::string, std::size_t> by_id;
        found.reserve(static_cast<std::size_t>(rows.rows()));
        for (int row = 0; row < rows.rows(); ++row) {
            found.push_back(stored::record_from_row(
                [&rows, row](int column) { return rows.value(row, column); }, where_));
            by_id[found.back().id] = found.size() - 1;
        }
        if (found.empty() || !with_history) {
            transaction.commit();
            return found;
        }
        std::string events_sql = "SELECT request_id, state, recorded_at, detail FROM " + table("events");
        Parameters events_parameters;
        if (!every_record) {
            std::vector<std::string> ids;
            ids.reserve(found.size());
            for (const auto& record : found) {
                ids.push_back(record.id);
            }
            events_sql += " WHERE request_id IN (SELECT json_array_elements_text($1::json))";
            events_parameters.emplace_back(nlohmann::json(ids).dump());
        }
        const auto events = connection_.run(events_sql + " ORDER BY request_id, seq", events_parameters);
        for (int row = 0; row < events.rows(); ++row) {
            const auto owner = by_id.find(events.text(row, 0));
            if (owner == by_id.end()) {
                continue;
            }
            found[owner->second].history.push_back({stored::stored_state(events.text(row, 1), where_),
                                                    stored::stored_time(events.text(row, 2), where_),
                                                    events.text(row, 3)});
        }
        transaction.commit();
        return found;
    }

    postgres::Connection connection_;
    std::string schema_;
    std::string qualified_; // the schema as an SQL identifier, quoted
    std::string where_;     // for messages: the address without password, and the schema
    int version_ = 0;
};

} // namespace

bool postgres_ledger_built() {
    return true;
}

std::unique_ptr<LedgerStore> open_postgres_ledger(const PostgresLocation& location,
                                                  const PostgresLedgerOptions& options) {
    return std::make_unique<PostgresLedger>(location, options);
}

} // namespace backup_request
