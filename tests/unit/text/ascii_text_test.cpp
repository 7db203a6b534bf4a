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

TEST_CASE("is_printable_ascii_text tells every byte apart, inside eight-byte chunks and in the tail") {
    for (int byte = 0; byte < 256; ++byte) {
        const char c = static_cast<char>(byte);
        const bool printable = (byte >= 0x20 && byte <= 0x7E) || byte == '\n' || byte == '\t';
        for (std::size_t at = 0; at < 19; ++at) {
            std::string text(19, 'a');
            text[at] = c;
            INFO("byte " << byte << " at " << at);
            REQUIRE(is_printable_ascii_text(text) == printable);
        }
    }
    CHECK(is_printable_ascii_text(""));
    CHECK(is_printable_ascii_text(" ~\t\n"));
    CHECK_FALSE(is_printable_ascii_text("caf\xc3\xa9 au lait, s'il vous plait"));
    CHECK_FALSE(is_printable_ascii_text("line one\r\nline two and more"));
}
