// The SQLite ledger: the schema's migrations in order, each in the transaction that bumps user_version, and
// the store's reads and writes.
#include "backup_request/ledger/sqlite_ledger.hpp"

#include "sqlite_connection.hpp"
#include "stored_record.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace backup_request {
namespace {

// migrations[N - 1] takes a ledger from version N - 1 to N. Never edit one that shipped: add the next.
constexpr std::array<const char*, 4> migrations = {
    // 1: requests, and the events of their lives.
    R"sql(
CREATE TABLE requests (
    id TEXT PRIMARY KEY,
    request_type TEXT NOT NULL,
    point_in_time TEXT,
    environments TEXT NOT NULL,
    reference TEXT,
    contact TEXT,
    justification TEXT NOT NULL,
    written_at TEXT NOT NULL,
    retention_deadline TEXT,
    format TEXT NOT NULL,
    destination TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL,
    case_id TEXT,
    ticket TEXT,
    delivered_at TEXT,
    access_ends_at TEXT,
    extends TEXT
) STRICT;
CREATE TABLE events (
    request_id TEXT NOT NULL REFERENCES requests(id),
    seq INTEGER NOT NULL,
    state TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    detail TEXT NOT NULL,
    PRIMARY KEY (request_id, seq)
) STRICT;
)sql",
    // 2: each request's environments in their own indexed table, so create finds the earlier requests for
    // an environment without reading every record.
    R"sql(
CREATE TABLE request_environments (
    request_id TEXT NOT NULL REFERENCES requests(id),
    host TEXT NOT NULL,
    PRIMARY KEY (request_id, host)
) STRICT;
CREATE INDEX request_environments_by_host ON request_environments(host);
INSERT INTO request_environments (request_id, host)
    SELECT requests.id, json_each.value FROM requests, json_each(requests.environments);
)sql",
    // 3: the attempts to open a request's ticket in a tracker, written before each is sent (issue 26).
    R"sql(
CREATE TABLE submissions (
    request_id TEXT NOT NULL REFERENCES requests(id),
    seq INTEGER NOT NULL,
    tracker TEXT NOT NULL,
    started_at TEXT NOT NULL,
    sending_until TEXT NOT NULL,
    outcome TEXT NOT NULL,
    ticket TEXT,
    url TEXT,
    detail TEXT NOT NULL,
    PRIMARY KEY (request_id, seq)
) STRICT;
)sql",
    // 4: who wrote each request, "user@host" (issue 27); none for the requests written before.
    R"sql(
ALTER TABLE requests ADD COLUMN written_by TEXT;
)sql",
};

using stored::record_columns;
using stored::stored_time;
using stored::time_text;

class SqliteLedger final : public LedgerStore {
  public:
    SqliteLedger(const std::string& path, const SqliteLedgerOptions& options)
        : connection_(std::make_unique<sqlite::Connection>(
              path, options.busy_timeout,
              options.read_only ? sqlite::OpenMode::read_only : sqlite::OpenMode::read_write)) {
        if (options.read_only) {
            // A WAL ledger on a read-only file system: its shared-memory file cannot be made, and nothing can
            // change the file there, so it is read as immutable.
            if (!connection_->opens_for_reading()) {
                connection_ = std::make_unique<sqlite::Connection>(path, options.busy_timeout,
                                                                   sqlite::OpenMode::immutable);
            }
            check_version_for_reading();
            return;
        }
        // WAL lets readers go on while one process writes; a file on a system without shared memory keeps
        // its journal (SQLite says which mode it took, and either is correct).
        // Switching a new file to WAL takes an exclusive lock, and SQLite answers "busy" at once rather than
        // wait (no busy handler there): retried up to the timeout, for the processes that open a new ledger
        // together.
        connection_->execute_retrying_when_busy("PRAGMA journal_mode=WAL", options.busy_timeout);
        // In WAL, NORMAL syncs at checkpoints, not at every commit: a commit stays atomic and the file
        // consistent, and a power cut loses at most the last records, never the ledger. Debian's SQLite
        // already defaults to it; the amalgamation built for Windows and the static file would sync each
        // commit, holding the write lock through a slow disk's flush while other processes wait.
        connection_->execute("PRAGMA synchronous=NORMAL");
        connection_->execute("PRAGMA foreign_keys=ON");
        migrate(options.migrate_to);
    }

    std::vector<LedgerRecord> records() override {
        if (empty_) {
            return {};
        }
        return select("SELECT " + read_columns() + " FROM requests ORDER BY written_at, id", {});
    }

    std::vector<LedgerRecord> records_for_listing() override {
        if (empty_) {
            return {};
        }
        return select("SELECT " + read_columns(true) + " FROM requests ORDER BY written_at, id", {}, false);
    }

    std::vector<LedgerRecord> records_naming(const std::vector<std::string>& hosts) override {
        if (empty_) {
            return {};
        }
        return select(
            "SELECT " + read_columns() +
                " FROM requests WHERE id IN (SELECT request_id FROM request_environments WHERE host IN "
                "(SELECT value FROM json_each(?1))) ORDER BY written_at, id",
            {nlohmann::json(hosts).dump()});
    }

    std::optional<LedgerRecord> find(const std::string& id) override {
        if (empty_) {
            return std::nullopt;
        }
        auto found = select("SELECT " + read_columns() + " FROM requests WHERE id = ?1", {id});
        if (found.empty()) {
            return std::nullopt;
        }
        return std::move(found.front());
    }

    std::optional<std::string> add_if(const LedgerRecord& record,
                                      const std::function<std::string(unsigned)>& choose_id,
                                      const Admission& admit) override {
        // BEGIN IMMEDIATE: the write lock is taken before the read, so the records `admit` sees are the
        // last ones until this transaction ends.
        sqlite::Transaction transaction(*connection_);
        if (admit && !admit(records_naming(record.environments))) {
            return std::nullopt;
        }
        std::string id;
        for (unsigned attempt = 0;; ++attempt) {
            id = choose_id(attempt);
            if (id.empty()) {
                return std::nullopt;
            }
            sqlite::Statement taken(*connection_, "SELECT 1 FROM requests WHERE id = ?1");
            if (!taken.bind(1, id).step()) {
                break;
            }
        }
        sqlite::Statement insert(*connection_,
                                 std::string("INSERT INTO requests (") + record_columns +
                                     ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                                     "?15, ?16, ?17, ?18, ?19)");
        const auto values = stored::record_values(id, record);
        for (std::size_t index = 0; index < values.size(); ++index) {
            insert.bind(static_cast<int>(index + 1), values[index]);
        }
        insert.run();
        for (const auto& host : record.environments) {
            sqlite::Statement(*connection_, "INSERT OR IGNORE INTO request_environments VALUES (?1, ?2)")
                .bind(1, id)
                .bind(2, host)
                .run();
        }
        write_events(id, record.history, 0);
        transaction.commit();
        return id;
    }

    bool withdraw(const std::string& id) override {
        sqlite::Transaction transaction(*connection_);
        sqlite::Statement current(
            *connection_, "SELECT state, (SELECT count(*) FROM events WHERE request_id = ?1), (SELECT "
                          "count(*) FROM submissions WHERE request_id = ?1) FROM requests WHERE id = ?1");
        if (!current.bind(1, id).step() || current.text(0) != state_name(RequestState::written) ||
            current.number(1) != 1 || current.number(2) != 0) {
            return false;
        }
        for (const char* table : {"request_environments", "events"}) {
            sqlite::Statement(*connection_, std::string("DELETE FROM ") + table + " WHERE request_id = ?1")
                .bind(1, id)
                .run();
        }
        sqlite::Statement(*connection_, "DELETE FROM requests WHERE id = ?1").bind(1, id).run();
        transaction.commit();
        return true;
    }

    Description describe() override {
        return {"sqlite", connection_->path(), version_,
                empty_
                    ? 0
                    : static_cast<std::size_t>(connection_->single_number("SELECT count(*) FROM requests"))};
    }

    bool update_lifecycle(const LedgerRecord& updated, const LedgerRecord& as_read) override {
        sqlite::Transaction transaction(*connection_);
        // The mark was judged on the record as read; another process may have marked it since (two
        // extensions at once). Only the same state, end of access and history make the judgement still true.
        sqlite::Statement current(
            *connection_, "SELECT state, access_ends_at, (SELECT count(*) FROM events WHERE request_id "
                          "= ?1) FROM requests WHERE id = ?1");
        if (!current.bind(1, updated.id).step() || current.text(0) != state_name(as_read.state) ||
            current.optional_text(1) != time_text(as_read.access_ends_at) ||
            static_cast<std::size_t>(current.number(2)) != as_read.history.size()) {
            return false;
        }
        sqlite::Statement(*connection_, "UPDATE requests SET state = ?2, case_id = ?3, ticket = ?4, "
                                        "delivered_at = ?5, access_ends_at = ?6 WHERE id = ?1")
            .bind(1, updated.id)
            .bind(2, state_name(updated.state))
            .bind(3, updated.case_id)
            .bind(4, updated.ticket)
            .bind(5, time_text(updated.delivered_at))
            .bind(6, time_text(updated.access_ends_at))
            .run();
        write_events(updated.id, updated.history, as_read.history.size());
        transaction.commit();
        return true;
    }

    std::vector<SubmissionAttempt> attempts(const std::string& id) override {
        if (empty_ || !has_submissions()) {
            return {};
        }
        const std::string& path = connection_->path();
        sqlite::Statement statement(*connection_,
                                    "SELECT seq, tracker, started_at, sending_until, outcome, ticket, url, "
                                    "detail FROM submissions WHERE request_id = ?1 ORDER BY seq");
        statement.bind(1, id);
        std::vector<SubmissionAttempt> found;
        while (statement.step()) {
            found.push_back({id, static_cast<std::size_t>(statement.number(0)), statement.text(1),
                             stored_time(statement.text(2), path), stored_time(statement.text(3), path),
                             stored::stored_outcome(statement.text(4), id, path), statement.optional_text(5),
                             statement.optional_text(6), statement.text(7)});
        }
        return found;
    }

    bool begin_attempt(const SubmissionAttempt& attempt) override {
        sqlite::Transaction transaction(*connection_);
        sqlite::Statement taken(*connection_, "SELECT count(*) FROM submissions WHERE request_id = ?1");
        if (!taken.bind(1, attempt.request_id).step() ||
            static_cast<std::size_t>(taken.number(0)) != attempt.seq) {
            return false;
        }
        sqlite::Statement(*connection_, "INSERT INTO submissions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
            .bind(1, attempt.request_id)
            .bind(2, static_cast<std::int64_t>(attempt.seq))
            .bind(3, attempt.tracker)
            .bind(4, format_utc_time(attempt.started_at))
            .bind(5, format_utc_time(attempt.sending_until))
            .bind(6, outcome_name(attempt.outcome))
            .bind(7, attempt.ticket)
            .bind(8, attempt.url)
            .bind(9, attempt.detail)
            .run();
        transaction.commit();
        return true;
    }

    void finish_attempt(const SubmissionAttempt& attempt) override {
        sqlite::Transaction transaction(*connection_);
        sqlite::Statement(*connection_,
                          "UPDATE submissions SET outcome = ?3, ticket = ?4, url = ?5, detail = "
                          "?6 WHERE request_id = ?1 AND seq = ?2")
            .bind(1, attempt.request_id)
            .bind(2, static_cast<std::int64_t>(attempt.seq))
            .bind(3, outcome_name(attempt.outcome))
            .bind(4, attempt.ticket)
            .bind(5, attempt.url)
            .bind(6, attempt.detail)
            .run();
        transaction.commit();
    }

  private:
    // A store opened read-only is not migrated: one older than version 4 has no written_by.
    [[nodiscard]] std::string read_columns(bool for_listing = false) const {
        return stored::select_columns(version_ >= 4, for_listing);
    }

    // A ledger opened read-only is not migrated: one older than version 3 has no attempts table.
    bool has_submissions() {
        return connection_->single_number(
                   "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'submissions'") != 0;
    }

    [[noreturn]] void unknown_version(std::int64_t version) const {
        if (version > ledger_schema_version) {
            throw LedgerUnavailable("cannot use " + connection_->path() + ": it was written by a newer " +
                                    "backup-request (ledger schema " + std::to_string(version) +
                                    ", this version knows up to " + std::to_string(ledger_schema_version) +
                                    "); upgrade backup-request, or use another --ledger");
        }
        // No version ever wrote a negative one: another program's file, or a damaged header.
        throw LedgerUnavailable("cannot use " + connection_->path() + ": its schema version is " +
                                std::to_string(version) + ", which no backup-request writes (a file of " +
                                "another program, or damaged); use another --ledger");
    }

    void check_version_for_reading() {
        const auto version = connection_->single_number("PRAGMA user_version");
        if (version < 0 || version > ledger_schema_version) {
            unknown_version(version);
        }
        empty_ = version == 0; // nothing was ever recorded in it: no tables to read
        version_ = static_cast<int>(version);
    }

    void migrate(int target) {
        if (target > ledger_schema_version) {
            target = ledger_schema_version;
        }
        // Read first without a write lock: a ledger at the current version (the usual case) needs none.
        if (connection_->single_number("PRAGMA user_version") == target) {
            version_ = target;
            return;
        }
        sqlite::Transaction transaction(*connection_);
        const auto version =
            connection_->single_number("PRAGMA user_version"); // another process may have won
        if (version < 0 || version > ledger_schema_version) {
            unknown_version(version);
        }
        for (auto step = version; step < target; ++step) {
            connection_->execute(migrations.at(static_cast<std::size_t>(step)));
        }
        if (version < target) {
            connection_->execute("PRAGMA user_version = " + std::to_string(target));
        }
        transaction.commit();
        version_ = static_cast<int>(std::max<std::int64_t>(version, target));
    }

    void write_events(const std::string& id, const std::vector<LedgerEvent>& history, std::size_t from) {
        for (std::size_t seq = from; seq < history.size(); ++seq) {
            const LedgerEvent& event = history[seq];
            sqlite::Statement(*connection_, "INSERT INTO events VALUES (?1, ?2, ?3, ?4, ?5)")
                .bind(1, id)
                .bind(2, static_cast<std::int64_t>(seq))
                .bind(3, state_name(event.state))
                .bind(4, format_utc_time(event.recorded_at))
                .bind(5, event.detail)
                .run();
        }
    }

    std::vector<LedgerRecord> select(const std::string& sql, const std::vector<std::string>& values,
                                     bool with_history = true) {
        const std::string& path = connection_->path();
        std::vector<LedgerRecord> found;
        std::map<std::string, std::size_t> by_id;
        {
            sqlite::Statement statement(*connection_, sql);
            for (std::size_t i = 0; i < values.size(); ++i) {
                statement.bind(static_cast<int>(i + 1), values[i]);
            }
            while (statement.step()) {
                auto record = stored::record_from_row(
                    [&statement](int column) { return statement.optional_text(column); }, path);
                by_id[record.id] = found.size();
                found.push_back(std::move(record));
            }
        }
        if (found.empty() || !with_history) {
            return found;
        }
        // Only the history of the records found: on create's path that is the few naming its environments.
        std::vector<std::string> ids;
        ids.reserve(found.size());
        for (const auto& record : found) {
            ids.push_back(record.id);
        }
        sqlite::Statement events(*connection_, "SELECT request_id, state, recorded_at, detail FROM events "
                                               "WHERE request_id IN (SELECT value FROM json_each(?1)) "
                                               "ORDER BY request_id, seq");
        events.bind(1, nlohmann::json(ids).dump());
        while (events.step()) {
            const auto owner = by_id.find(events.text(0));
            if (owner == by_id.end()) {
                continue;
            }
            found[owner->second].history.push_back({stored::stored_state(events.text(1), path),
                                                    stored_time(events.text(2), path), events.text(3)});
        }
        return found;
    }

    std::unique_ptr<sqlite::Connection> connection_;
    bool empty_ = false;
    int version_ = 0;
};

} // namespace

std::unique_ptr<LedgerStore> open_sqlite_ledger(const std::string& path, const SqliteLedgerOptions& options) {
    return std::make_unique<SqliteLedger>(path, options);
}

int sqlite_ledger_version(const std::string& path) {
    sqlite::Connection connection(path, std::chrono::milliseconds{5000});
    return static_cast<int>(connection.single_number("PRAGMA user_version"));
}

} // namespace backup_request
