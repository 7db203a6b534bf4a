// The SQLite ledger: records round-trip whole, ids never collide, every migration keeps what was there
// (from the stored v1 file), and a file it cannot use is a LedgerUnavailable with the reason.
#include "backup_request/ledger/request_id.hpp"
#include "backup_request/ledger/request_lifecycle.hpp"
#include "backup_request/ledger/sqlite_ledger.hpp"
#include "ledger/ledger_test_records.hpp"
#include "scratch_folder.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sqlite3.h>

using namespace backup_request;
using backup_request::test::access_record;
using backup_request::test::utc;

namespace {

std::string add(LedgerStore& store, const LedgerRecord& record) {
    return store.add(record, [&record](unsigned attempt) { return request_id(record.payload, attempt); });
}

std::vector<std::string> ids(const std::vector<LedgerRecord>& records) {
    std::vector<std::string> out;
    for (const auto& record : records) {
        out.push_back(record.id);
    }
    return out;
}

void sql(const std::string& path, const char* statement) {
    sqlite3* database = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &database) == SQLITE_OK);
    CHECK(sqlite3_exec(database, statement, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(database);
}

std::string failure_of(const std::string& path) {
    try {
        auto store = open_sqlite_ledger(path, {std::chrono::milliseconds{100}});
        (void)store->records();
    } catch (const LedgerUnavailable& failure) {
        return failure.what();
    }
    return "";
}

} // namespace

TEST_CASE("a record comes back as it went in, with its history") {
    ScratchFolder folder;
    const std::string path = (folder.path / "ledger.sqlite").string();
    auto store = open_sqlite_ledger(path);
    auto record = access_record("", "2026-11-20T14:30:00Z", "2026-11-20T16:00:00Z",
                                {"acme-prd.example.com", "acme-dev.example.com"});
    record.contact = "ops@acme.example";
    record.justification = "Line one\nline two: \"quoted\" and 'single' and ünïcödé";
    const std::string id = add(*store, record);
    CHECK(id == request_id(record.payload, 0));
    record.id = id;
    const auto found = store->find(id);
    REQUIRE(found.has_value());
    CHECK(*found == record);
    CHECK_FALSE(store->find("nope").has_value());
    CHECK(sqlite_ledger_version(path) == ledger_schema_version);

    auto applied = apply_mark(*found, {RequestState::delivered, {}, {}, {}, {}}, utc("2026-11-21T10:00:00Z"));
    const auto& delivered = std::get<LedgerRecord>(applied);
    CHECK(store->update_lifecycle(delivered, *found));
    CHECK(*store->find(id) == delivered);
    // Another process got there first: the expected state no longer holds, nothing changes.
    CHECK_FALSE(store->update_lifecycle(delivered, *found));
    CHECK(store->find(id)->history.size() == 2);

    // Two extensions judged on the same delivered record: the second finds the end of access and the history
    // moved on, and writes nothing (it would have moved the end back and lost the first's event).
    const auto later = std::get<LedgerRecord>(
        apply_mark(delivered, {RequestState::extended, {}, {}, {}, utc("2026-12-01T10:00:00Z")},
                   utc("2026-11-22T10:00:00Z")));
    const auto earlier = std::get<LedgerRecord>(
        apply_mark(delivered, {RequestState::extended, {}, {}, {}, utc("2026-11-29T10:00:00Z")},
                   utc("2026-11-22T10:00:00Z")));
    CHECK(store->update_lifecycle(later, delivered));
    CHECK_FALSE(store->update_lifecycle(earlier, delivered));
    CHECK(*store->find(id) == later);
    // Extended again on what is there now: the state is the same (extended), the history is not.
    CHECK_FALSE(store->update_lifecycle(later, delivered));
}

TEST_CASE("a ledger whose schema version no backup-request wrote is unavailable, read or written") {
    ScratchFolder folder;
    const std::string path = (folder.path / "ledger.sqlite").string();
    (void)open_sqlite_ledger(path);
    for (const std::string version : {"-1", "-2147483647", "5", "99"}) {
        sql(path, ("PRAGMA user_version = " + version).c_str());
        CHECK_THROWS_AS(open_sqlite_ledger(path), LedgerUnavailable);
        SqliteLedgerOptions reading;
        reading.read_only = true;
        CHECK_THROWS_AS(open_sqlite_ledger(path, reading), LedgerUnavailable);
    }
}

TEST_CASE("bytes that are not UTF-8 in a stored record come back escaped") {
    ScratchFolder folder;
    const std::string path = (folder.path / "ledger.sqlite").string();
    auto store = open_sqlite_ledger(path);
    auto record = access_record("", "2026-11-20T14:30:00Z", "2026-11-20T16:00:00Z");
    const std::string id = add(*store, record);
    sql(path, ("UPDATE requests SET destination = CAST(X'636166E92E6A736F6E' AS TEXT), justification = "
               "CAST(X'6F6BFF' AS TEXT) WHERE id = '" +
               id + "'")
                  .c_str());
    const auto found = store->find(id);
    REQUIRE(found.has_value());
    CHECK(found->destination == "caf\\xe9.json");
    CHECK(found->justification == "ok\\xff");
}

TEST_CASE("the same payload twice gets two ids") {
    ScratchFolder folder;
    auto store = open_sqlite_ledger((folder.path / "ledger.sqlite").string());
    const auto record = access_record("", "2026-11-20T14:30:00Z", "2026-11-20T16:00:00Z");
    const std::string first = add(*store, record);
    const std::string second = add(*store, record);
    CHECK(first == request_id(record.payload, 0));
    CHECK(second == request_id(record.payload, 1));
    CHECK(store->records().size() == 2);
}

TEST_CASE("records_naming finds requests by environment through the index") {
    ScratchFolder folder;
    auto store = open_sqlite_ledger((folder.path / "ledger.sqlite").string());
    add(*store, access_record("", "2026-11-20T14:30:00Z", "2026-11-20T16:00:00Z", {"a.example.com"}));
    add(*store, access_record("", "2026-11-21T14:30:00Z", "2026-11-21T16:00:00Z",
                              {"b.example.com", "a.example.com"}));
    add(*store, access_record("", "2026-11-22T14:30:00Z", "2026-11-22T16:00:00Z", {"c.example.com"}));
    CHECK(store->records_naming({"a.example.com"}).size() == 2);
    CHECK(store->records_naming({"c.example.com", "b.example.com"}).size() == 2);
    CHECK(store->records_naming({"d.example.com"}).empty());
}

TEST_CASE("migrations 1 to 4: the stored v1 ledger keeps every record") {
    ScratchFolder folder;
    const auto path = folder.path / "ledger.sqlite";
    std::filesystem::copy_file(BACKUP_REQUEST_TEST_DATA "/ledger-v1.sqlite", path);
    REQUIRE(sqlite_ledger_version(path.string()) == 1);
    auto store = open_sqlite_ledger(path.string());
    CHECK(sqlite_ledger_version(path.string()) == 4);
    const auto records = store->records();
    CHECK(ids(records) == std::vector<std::string>{"k7m2qz", "p3xw9h", "ext4m2"});
    const auto& first = records[0];
    CHECK(first.state == RequestState::delivered);
    CHECK(first.environments ==
          std::vector<std::string>{"acme-prd.outsystemsenterprise.com", "acme-dev.outsystemsenterprise.com"});
    CHECK(first.case_id == "01234567");
    CHECK(first.ticket == "OPS-88");
    CHECK(first.access_ends_at == utc("2026-11-28T10:00:00Z"));
    CHECK(first.history.size() == 3);
    CHECK(first.history[2].detail == "delivered 2026-11-21T10:00:00Z, access until 2026-11-28T10:00:00Z");
    CHECK(records[1].state == RequestState::declined);
    CHECK_FALSE(records[1].reference.has_value());
    CHECK(records[2].extends == "k7m2qz");
    // Version 2's table was filled from version 1's records.
    CHECK(ids(store->records_naming({"acme-dev.outsystemsenterprise.com"})) ==
          std::vector<std::string>{"k7m2qz", "ext4m2"});
    // Version 3's table starts empty.
    CHECK(store->attempts("k7m2qz").empty());
    // Version 4: who wrote the old records is not known.
    CHECK_FALSE(first.written_by.has_value());
    CHECK(store->describe().schema_version == 4);
    CHECK(store->describe().records == 3);
}

TEST_CASE("migrations one at a time from an empty file") {
    ScratchFolder folder;
    const std::string path = (folder.path / "ledger.sqlite").string();
    (void)open_sqlite_ledger(path, {std::chrono::milliseconds{5000}, 1});
    CHECK(sqlite_ledger_version(path) == 1);
    (void)open_sqlite_ledger(path, {std::chrono::milliseconds{5000}, 2});
    CHECK(sqlite_ledger_version(path) == 2);
    {
        // Read-only at version 2 (list and show never migrate): no attempts table, and none to read.
        auto reading = open_sqlite_ledger(path, {std::chrono::milliseconds{5000}, 3, true});
        CHECK(reading->attempts("k7m2qz").empty());
    }
    (void)open_sqlite_ledger(path, {std::chrono::milliseconds{5000}, 3});
    CHECK(sqlite_ledger_version(path) == 3);
    {
        // Read-only at version 3: no written_by column, read as none.
        sql(path, "INSERT INTO requests (id, request_type, environments, justification, written_at, format, "
                  "destination, payload, state) VALUES ('aaaaaa', 'database-backup-access', '[]', 'j', "
                  "'2026-11-20T12:00:00Z', 'json', 'stdout', '{}', 'written')");
        auto reading = open_sqlite_ledger(path, {std::chrono::milliseconds{5000}, 4, true});
        REQUIRE(reading->records().size() == 1);
        CHECK_FALSE(reading->records()[0].written_by.has_value());
        CHECK(reading->describe().schema_version == 3);
        CHECK(reading->describe().records == 1);
    }
    (void)open_sqlite_ledger(path);
    CHECK(sqlite_ledger_version(path) == 4);
    auto store = open_sqlite_ledger(path); // at the current version: nothing to do
    CHECK(store->records().size() == 1);
}

TEST_CASE("a ledger it cannot use is a LedgerUnavailable with the reason") {
    ScratchFolder folder;
    const auto garbage = folder.path / "garbage.sqlite";
    std::ofstream(garbage) << std::string(4096, 'x');
    CHECK(failure_of(garbage.string()) == "cannot read " + garbage.string() + ": file is not a database");

    const auto truncated = folder.path / "truncated.sqlite";
    std::filesystem::copy_file(BACKUP_REQUEST_TEST_DATA "/ledger-v1.sqlite", truncated);
    std::filesystem::resize_file(truncated, 5000);
    CHECK_THAT(failure_of(truncated.string()),
               Catch::Contains(truncated.string()) && Catch::Contains("malformed"));

    const auto newer = (folder.path / "newer.sqlite").string();
    (void)open_sqlite_ledger(newer);
    sql(newer, "PRAGMA user_version = 9");
    CHECK(failure_of(newer) ==
          "cannot use " + newer +
              ": it was written by a newer backup-request (ledger schema 9, this version "
              "knows up to 4); upgrade backup-request, or use another --ledger");

    const auto locked = (folder.path / "locked.sqlite").string();
    (void)open_sqlite_ledger(locked);
    sqlite3* holder = nullptr;
    REQUIRE(sqlite3_open(locked.c_str(), &holder) == SQLITE_OK);
    REQUIRE(sqlite3_exec(holder, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
    {
        auto store = open_sqlite_ledger(locked, {std::chrono::milliseconds{100}});
        CHECK_THROWS_WITH(add(*store, access_record("", "2026-11-20T14:30:00Z", "2026-11-20T16:00:00Z")),
                          "cannot use " + locked + ": database is locked");
    }
    sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(holder);

    CHECK(failure_of((folder.path / "no-such-folder" / "x.sqlite").string()).starts_with("cannot open "));
}

TEST_CASE("an attempt is recorded before sending, and one run at a time takes its place") {
    ScratchFolder folder;
    const std::string path = (folder.path / "ledger.sqlite").string();
    auto store = open_sqlite_ledger(path);
    const std::string id = add(*store, access_record("", "2026-11-20T14:30:00Z", "2026-11-20T16:00:00Z"));
    SubmissionAttempt attempt{id,
                              0,
                              "github",
                              utc("2026-11-20T16:05:00Z"),
                              utc("2026-11-20T16:05:30Z"),
                              AttemptOutcome::sending,
                              std::nullopt,
                              std::nullopt,
                              ""};
    CHECK(store->begin_attempt(attempt));
    // Another run read no attempts either and wants seq 0 too: it does not get it.
    CHECK_FALSE(store->begin_attempt(attempt));
    CHECK(store->attempts(id) == std::vector<SubmissionAttempt>{attempt});

    attempt.outcome = AttemptOutcome::created;
    attempt.ticket = "octo/ops#12";
    attempt.url = "https://github.com/octo/ops/issues/12";
    store->finish_attempt(attempt);
    auto second = attempt;
    second.seq = 1;
    second.tracker = "jira";
    second.outcome = AttemptOutcome::refused;
    second.ticket.reset();
    second.url.reset();
    second.detail = "HTTP 400: customfield_10010: Team is required";
    CHECK(store->begin_attempt(second));
    CHECK(store->attempts(id) == std::vector<SubmissionAttempt>{attempt, second});
    CHECK(store->attempts("other").empty());
}
