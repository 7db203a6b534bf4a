// The stores the contract tests run against: a fresh SQLite file each time, and, when
// BACKUP_REQUEST_TEST_POSTGRES_ENV names the file scripts/postgres-server.sh wrote, a fresh schema on that
// PostgreSQL server, reached directly and through PgBouncer.
#pragma once

#include "backup_request/ledger/ledger_store.hpp"
#include "backup_request/ledger/postgres_ledger.hpp"
#include "backup_request/ledger/sqlite_ledger.hpp"
#include "scratch_folder.hpp"

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace backup_request::test {

struct StoreUnderTest {
    std::string name; // "sqlite", "postgresql", "pgbouncer"
    std::string kind; // describe().kind
    std::unique_ptr<ScratchFolder> folder;
    std::unique_ptr<LedgerStore> store;
};

// The server's settings (KEY=VALUE lines), empty when no server was started; PGPASSWORD is set from them.
inline std::map<std::string, std::string> postgres_test_server() {
    std::map<std::string, std::string> settings;
    const char* file = std::getenv("BACKUP_REQUEST_TEST_POSTGRES_ENV");
    if (file == nullptr || *file == '\0') {
        return settings;
    }
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
        if (const auto equals = line.find('='); equals != std::string::npos) {
            settings[line.substr(0, equals)] = line.substr(equals + 1);
        }
    }
    if (settings.count("PGPASSWORD") != 0) {
#ifdef _WIN32
        _putenv_s("PGPASSWORD", settings["PGPASSWORD"].c_str());
#else
        setenv("PGPASSWORD", settings["PGPASSWORD"].c_str(), 1);
#endif
    }
    return settings;
}

// A schema no other test uses: "t_" and random letters.
inline std::string fresh_schema() {
    std::random_device entropy;
    std::mt19937_64 random(entropy());
    std::string name = "t_";
    for (int i = 0; i < 12; ++i) {
        name += static_cast<char>('a' + random() % 26);
    }
    return name;
}

inline PostgresLocation test_location(const std::string& url, const std::string& schema) {
    return std::get<PostgresLocation>(parse_postgres_location(url + "?schema=" + schema));
}

inline std::vector<StoreUnderTest> stores_under_test() {
    std::vector<StoreUnderTest> stores;
    auto folder = std::make_unique<ScratchFolder>();
    auto store = open_sqlite_ledger((folder->path / "ledger.sqlite").string());
    stores.push_back({"sqlite", "sqlite", std::move(folder), std::move(store)});
    auto server = postgres_test_server();
    for (const auto& [name, key] :
         {std::pair<std::string, std::string>{"postgresql", "BACKUP_REQUEST_TEST_POSTGRESQL"},
          {"pgbouncer", "BACKUP_REQUEST_TEST_PGBOUNCER"}}) {
        if (server.count(key) != 0) {
            stores.push_back({name, "postgresql", nullptr,
                              open_postgres_ledger(test_location(server[key], fresh_schema()))});
        }
    }
    return stores;
}

} // namespace backup_request::test
