// The static file's host names turned into libpq's hostaddr list, with a lookup standing in for c-ares.
#include "backup_request/ledger/postgres_host_addresses.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <vector>

using backup_request::HostAddressLookup;
using backup_request::is_numeric_host_address;
using backup_request::LookedUpAddress;
using backup_request::postgres_host_addresses;

namespace {

struct FakeResolver {
    std::map<std::string, std::string> known;
    std::vector<std::string> asked;
    HostAddressLookup lookup() {
        return [this](const std::string& name) {
            asked.push_back(name);
            const auto found = known.find(name);
            if (found == known.end()) {
                return LookedUpAddress{std::nullopt, "Domain name not found"};
            }
            return LookedUpAddress{found->second, ""};
        };
    }
};

} // namespace

TEST_CASE("host addresses: each name of the list is looked up in its place") {
    FakeResolver resolver{{{"db.test", "10.0.0.5"}, {"replica.test", "fd00::7"}}, {}};
    const auto result = postgres_host_addresses("db.test,replica.test", resolver.lookup());
    REQUIRE(result.index() == 0);
    CHECK(std::get<0>(result) == "10.0.0.5,fd00::7");
    CHECK(resolver.asked == std::vector<std::string>{"db.test", "replica.test"});
}

TEST_CASE("host addresses: socket folders, empty entries and numeric addresses keep their places unasked") {
    FakeResolver resolver{{{"db.test", "10.0.0.5"}}, {}};
    const auto result =
        postgres_host_addresses("/run/postgresql,,127.0.0.1,db.test,::1,@abstract", resolver.lookup());
    REQUIRE(result.index() == 0);
    CHECK(std::get<0>(result) == ",,127.0.0.1,10.0.0.5,::1,");
    CHECK(resolver.asked == std::vector<std::string>{"db.test"});
}

TEST_CASE("host addresses: nothing to add when no entry is a name") {
    FakeResolver resolver;
    const auto result = postgres_host_addresses("/run/postgresql,127.0.0.1", resolver.lookup());
    REQUIRE(result.index() == 0);
    CHECK(std::get<0>(result).empty());
    CHECK(resolver.asked.empty());
}

TEST_CASE("host addresses: a name not found is said in libpq's words") {
    FakeResolver resolver{{{"db.test", "10.0.0.5"}}, {}};
    const auto result = postgres_host_addresses("db.test,nowhere.test", resolver.lookup());
    REQUIRE(result.index() == 1);
    CHECK(std::get<1>(result) ==
          "could not translate host name \"nowhere.test\" to address: Domain name not found");
}

TEST_CASE("host addresses: what is written out as an address") {
    CHECK(is_numeric_host_address("127.0.0.1"));
    CHECK(is_numeric_host_address("::1"));
    CHECK(is_numeric_host_address("fe80::1%eth0"));
    CHECK(is_numeric_host_address("::ffff:192.0.2.1"));
    CHECK_FALSE(is_numeric_host_address("localhost"));
    CHECK_FALSE(is_numeric_host_address("256.1.1.1"));
    CHECK_FALSE(is_numeric_host_address("1.2.3"));
    CHECK_FALSE(is_numeric_host_address("db1.2.3.4"));
    CHECK_FALSE(is_numeric_host_address("cafe:beef"));
    CHECK_FALSE(is_numeric_host_address("::ffff:1.2.3.400"));
}
