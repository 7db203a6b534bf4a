// Unit tests for the UTF-8 checks: validity, sequences, length, control characters.
#include "backup_request/text/utf8_text.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace backup_request;

TEST_CASE("invalid UTF-8 is found at its first bad byte") {
    CHECK_FALSE(find_invalid_utf8("plain ASCII").has_value());
    CHECK_FALSE(find_invalid_utf8("Lisboa, S\xC3\xA3o Paulo, \xE2\x82\xAC 5, \xF0\x9F\x98\x80").has_value());
    CHECK(find_invalid_utf8("ab\xC3") == 2u);               // truncated
    CHECK(find_invalid_utf8("a\xC0\xAF") == 1u);            // overlong '/'
    CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1u);        // a UTF-16 surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u);     // above U+10FFFF
    CHECK(find_invalid_utf8("ok \x80 continuation") == 3u); // a lone continuation byte
}

TEST_CASE("a sequence's length and code point, or length 0 when invalid") {
    const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
    CHECK(utf8_sequence_at(text, 0).code_point == U'a');
    CHECK(utf8_sequence_at(text, 1).length == 2);
    CHECK(utf8_sequence_at(text, 1).code_point == U'\u00E9');
    CHECK(utf8_sequence_at(text, 3).length == 3);
    CHECK(utf8_sequence_at(text, 3).code_point == U'\u20AC');
    CHECK(utf8_sequence_at(text, 6).length == 4);
    CHECK(utf8_sequence_at(text, 6).code_point == U'\U0001F600');
    CHECK(utf8_sequence_at(text, 2).length == 0); // inside a sequence
}

TEST_CASE("length counts code points, not bytes") {
    CHECK(count_code_points("") == 0);
    CHECK(count_code_points("abc") == 3);
    CHECK(count_code_points("S\xC3\xA3o \xE2\x82\xAC\xF0\x9F\x98\x80") == 6);
}

TEST_CASE("control characters are found, except those allowed, C1 controls included") {
    CHECK_FALSE(find_control_character("line one\nline two\ttab", "\n\t").has_value());
    const auto escape = find_control_character("red \x1b[31m", "\n\t");
    REQUIRE(escape.has_value());
    CHECK(escape->offset == 4);
    CHECK(escape->code_point == 0x1B);
    const auto newline = find_control_character("a\nb");
    REQUIRE(newline.has_value());
    CHECK(newline->code_point == U'\n');
    const auto c1 = find_control_character("csi \xC2\x9B here");
    REQUIRE(c1.has_value());
    CHECK(c1->code_point == 0x9B);
    CHECK(find_control_character("del \x7F")->code_point == 0x7F);
    CHECK(code_point_name(0x1B) == "U+001B");
    CHECK(code_point_name(0x1F600) == "U+1F600");
}
