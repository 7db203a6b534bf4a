// What every LedgerStore promises, run against each store this build has: SQLite always; PostgreSQL when
// BACKUP_REQUEST_TEST_POSTGRESQL names a server to use (.ci/run starts one, and PgBouncer in front of it).
#include "backup_request/ledger/request_id.hpp"
#include "backup_request/ledger/sqlite_ledger.hpp"
#include "ledger/ledger_test_records.hpp"
#include "ledger/store_under_test.hpp"
#include "scratch_folder.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;
using backup_request::test::access_record;

namespace {

std::optional<std::string> add_admitted(LedgerStore& store, const LedgerRecord& record,
                                        const LedgerStore::Admission& admit) {
    return store.add_if(
        record, [&record](unsigned attempt) { return request_id(record.payload, attempt); }, admit);
}

} // namespace

TEST_CASE("every store: who wrote a record comes back with it") {
    for (auto& subject : test::stores_under_test()) {
        INFO(subject.name);
        auto& store = *subject.store;
        auto record = access_record("", "2026-11-20T14:30:00Z", "2026-11-20T16:00:00Z", {"a.example.com"});
        record.written_by = "ana@laptop-1";
        const auto id = add_admitted(store, record, nullptr);
        REQUIRE(id.has_value());
        const auto found = store.find(*id);
        REQUIRE(found.has_value());
        CHECK(found->written_by == "ana@laptop-1");
        CHECK(found->environments == std::vector<std::string>{"a.example.com"});
        CHECK(store.describe().records == 1);
        CHECK(store.describe().kind == subject.kind);
        CHECK(store.describe().schema_version == ledger_schema_version);
    }
}

TEST_CASE("every store: add_if shows the records naming the environments and adds only when admitted") {
    for (auto& subject : test::stores_under_test()) {
        INFO(subject.name);
        auto& store = *subject.store;
        const auto first =
            access_record("", "2026-11-20T14:30:00Z", "2026-11-20T16:00:00Z", {"a.example.com"});
        const auto first_id = add_admitted(store, first, [](const std::vector<LedgerRecord>& naming) {
            CHECK(naming.empty());
            return true;
        });
        REQUIRE(first_id.has_value());
        const auto second = access_record("", "2026-11-20T14:40:00Z", "2026-11-20T16:00:00Z",
                                          {"b.example.com", "a.example.com"});
        std::vector<std::string> seen;
        const auto refused = add_admitted(store, second, [&seen](const std::vector<LedgerRecord>& naming) {
            for (const auto& record : naming) {
                seen.push_back(record.id);
            }
            return false;
        });
        CHECK_FALSE(refused.has_value());
        CHECK(seen == std::vector<std::string>{*first_id});
        CHECK(store.records().size() == 1);
        // An id chooser with nothing left to offer adds nothing.
        CHECK_FALSE(store
                        .add_if(
                            second, [](unsigned) { return std::string(); }, nullptr)
                        .has_value());
    }
}

TEST_CASE("every store: withdraw takes back only a record still as added") {
    for (auto& subject : test::stores_under_test()) {
        INFO(subject.name);
        auto& store = *subject.store;
        const auto record =
            access_record("", "2026-11-20T14:30:00Z", "2026-11-20T16:00:00Z", {"a.example.com"});
        const auto kept = add_admitted(store, record, nullptr);
        const auto taken = add_admitted(store, record, nullptr);
        REQUIRE(kept.has_value());
        REQUIRE(taken.has_value());
        CHECK(store.withdraw(*taken));
        CHECK_FALSE(store.find(*taken).has_value());
        CHECK(store.records_naming({"a.example.com"}).size() == 1);
        CHECK_FALSE(store.withdraw(*taken)); // gone already
        // Once an attempt to open its ticket was recorded, it is no longer only a written case.
        REQUIRE(
            store.begin_attempt(SubmissionAttempt{*kept, 0, "github", record.written_at, record.written_at,
                                                  AttemptOutcome::sending, std::nullopt, std::nullopt, ""}));
        CHECK_FALSE(store.withdraw(*kept));
        CHECK(store.find(*kept).has_value());
    }
}
