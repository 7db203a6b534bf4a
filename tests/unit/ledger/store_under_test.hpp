// The stores the contract tests run against: a fresh SQLite file each time, and a fresh PostgreSQL schema
// when BACKUP_REQUEST_TEST_POSTGRESQL is set.
#pragma once

#include "backup_request/ledger/ledger_store.hpp"
#include "backup_request/ledger/sqlite_ledger.hpp"
#include "scratch_folder.hpp"

#include <memory>
#include <string>
#include <vector>

namespace backup_request::test {

struct StoreUnderTest {
    std::string name; // describe().kind
    std::unique_ptr<ScratchFolder> folder;
    std::unique_ptr<LedgerStore> store;
};

inline std::vector<StoreUnderTest> stores_under_test() {
    std::vector<StoreUnderTest> stores;
    auto folder = std::make_unique<ScratchFolder>();
    auto store = open_sqlite_ledger((folder->path / "ledger.sqlite").string());
    stores.push_back({"sqlite", std::move(folder), std::move(store)});
    return stores;
}

} // namespace backup_request::test
