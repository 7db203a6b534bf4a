// Reading a PostgreSQL ledger's address: the schema taken out for us, the rest left for libpq, a password
// noticed wherever it is written.
#include "backup_request/ledger/postgres_location.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;

namespace {

PostgresLocation parsed(std::string_view url) {
    auto location = parse_postgres_location(url);
    REQUIRE(std::holds_alternative<PostgresLocation>(location));
    return std::get<PostgresLocation>(location);
}

} // namespace

TEST_CASE("a PostgreSQL ledger's URL: schema for us, the rest for libpq") {
    CHECK(is_postgres_location("postgresql://ops@db/ops"));
    CHECK(is_postgres_location("postgres://ops@db/ops"));
    CHECK_FALSE(is_postgres_location("ledger.sqlite"));
    CHECK_FALSE(is_postgres_location("postgresql.sqlite"));
    const auto plain = parsed("postgresql://ops@db.example.com/ops");
    CHECK(plain.conninfo == "postgresql://ops@db.example.com/ops");
    CHECK(plain.schema == "backup_request");
    CHECK_FALSE(plain.has_password);
    const auto tuned =
        parsed("postgres://ops@db.example.com:6432/ops?sslmode=verify-full&schema=team_a&connect_timeout=2");
    CHECK(tuned.conninfo == "postgres://ops@db.example.com:6432/ops?sslmode=verify-full&connect_timeout=2");
    CHECK(tuned.schema == "team_a");
    CHECK(parsed("postgresql://ops:hunter2@db/ops").has_password);
    CHECK(parsed("postgresql://db/ops?password=hunter2").has_password);
    CHECK_FALSE(parsed("postgresql://ops@db/ops?sslmode=require").has_password);
    // An @ in the path or query is not a user's.
    CHECK_FALSE(parsed("postgresql://db/ops?application_name=a:b@c").has_password);
}

TEST_CASE("a schema name this tool would have to quote is refused with what to write") {
    for (const char* url : {"postgresql://db/ops?schema=", "postgresql://db/ops?schema=Team",
                            "postgresql://db/ops?schema=1team", "postgresql://db/ops?schema=a-b",
                            "postgresql://db/ops?schema=a%22b"}) {
        INFO(url);
        const auto location = parse_postgres_location(url);
        REQUIRE(std::holds_alternative<std::string>(location));
        CHECK(std::get<std::string>(location).ends_with("like schema=backup_request"));
    }
    CHECK(std::holds_alternative<std::string>(
        parse_postgres_location("postgresql://db/ops?schema=" + std::string(64, 'a'))));
    CHECK(parsed("postgresql://db/ops?schema=" + std::string(63, 'a')).schema.size() == 63);
}
