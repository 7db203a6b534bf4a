// Request ids: six typeable characters, the same for the same payload, another for another attempt.
#include "backup_request/ledger/request_id.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace backup_request;

TEST_CASE("request ids are short, unambiguous and stable") {
    CHECK(request_id("{}", 0) == request_id("{}", 0));
    CHECK(request_id("{}", 0) != request_id("{}", 1));
    std::set<std::string> seen;
    for (unsigned attempt = 0; attempt < 2000; ++attempt) {
        const auto id = request_id("{\"point_in_time\":\"2026-11-20T14:30:00Z\"}", attempt);
        REQUIRE(id.size() == request_id_length);
        CHECK(std::isalpha(static_cast<unsigned char>(id[0])) != 0);
        CHECK(id.find_first_of("01oli") == std::string::npos);
        seen.insert(id);
    }
    CHECK(seen.size() == 2000);
}
