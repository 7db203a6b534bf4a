// Unit tests for the small text helpers.
#include "backup_request/text/ascii_text.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;

TEST_CASE("quoting, ASCII case and trimming") {
    CHECK(quoted("acme.example.com") == "'acme.example.com'");
    CHECK(quoted("") == "''");
    CHECK(to_lower_ascii("HTTPS://Acme-PRD.Example") == "https://acme-prd.example");
    CHECK(to_lower_ascii("\xC3\x89T\xC3\x89") == "\xC3\x89t\xC3\x89"); // non-ASCII bytes untouched
    CHECK(equals_ignoring_case("UTC", "utc"));
    CHECK_FALSE(equals_ignoring_case("UTC", "UTC+1"));
    CHECK(trim_whitespace(" \t\r\n text \f\v") == "text");
    CHECK(trim_whitespace("   ").empty());
    CHECK(trim_blanks(" \t2026-11-20T14:30:00Z\t ") == "2026-11-20T14:30:00Z");
    CHECK(trim_blanks("now\n") == "now\n"); // a line break is not a blank
}
