// Unit tests for profile_text: the one classification pass the secret scan and the justification read.
#include "backup_request/text/ascii_text.hpp"
#include "backup_request/text/text_profile.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <string>

using backup_request::is_printable_ascii_text;
using backup_request::profile_text;
using backup_request::TextProfile;

TEST_CASE("A text's profile: its bytes, its letters and digits counted, its lower-cased copy") {
    TextProfile profile;
    profile_text("Pass=AB1 b\t\n", profile);
    CHECK(profile.lower == "pass=ab1 b\t\n");
    CHECK(profile.has('='));
    CHECK(profile.has('P'));
    CHECK_FALSE(profile.has('p'));
    CHECK_FALSE(profile.has(':'));
    CHECK(profile.alnum_counts[1] == 1);       // '1'
    CHECK(profile.alnum_counts[10 + 0] == 2);  // 'a' and 'A'
    CHECK(profile.alnum_counts[10 + 1] == 2);  // 'B' and 'b'
    CHECK(profile.alnum_counts[10 + 15] == 1); // 'P'
    CHECK(profile.alnum_counts[10 + 18] == 2); // 's'
    CHECK(profile.printable_ascii);
}

TEST_CASE("A reused profile holds only the last text's") {
    TextProfile profile;
    profile_text("a longer first text with = and :", profile);
    profile_text("Zz", profile);
    CHECK(profile.lower == "zz");
    CHECK_FALSE(profile.has('='));
    CHECK_FALSE(profile.has(' '));
    CHECK(profile.alnum_counts[10 + 25] == 2);
    CHECK(profile.alnum_counts[10 + 0] == 0);
    profile_text("", profile);
    CHECK(profile.lower.empty());
    CHECK(profile.printable_ascii);
}

TEST_CASE("Printable ASCII in the profile is is_printable_ascii_text's") {
    const std::array<std::string, 8> texts = {
        "plain text", "tab\tand\nnew line", "carriage\r\n",           "del\x7f",
        "bell\a",     "caf\xc3\xa9",        std::string("nul\0x", 5), "~ and space "};
    for (const auto& text : texts) {
        INFO(text);
        TextProfile profile;
        profile_text(text, profile);
        CHECK(profile.printable_ascii == is_printable_ascii_text(text));
        CHECK(profile.lower.size() == text.size());
    }
}

TEST_CASE("The lower-cased copy is lower_ascii of every byte, at every position") {
    std::string every_byte;
    for (int value = 0; value < 256; ++value) {
        every_byte += static_cast<char>(value);
    }
    // Shifted by 0..7 bytes, so that each byte value meets each place in the eight-byte steps and the tail.
    for (std::size_t shift = 0; shift < 8; ++shift) {
        const std::string text = std::string(shift, 'Q') + every_byte + "@[`{";
        TextProfile profile;
        profile_text(text, profile);
        std::string expected;
        for (const char c : text) {
            expected += backup_request::lower_ascii(c);
        }
        CHECK(profile.lower == expected);
    }
}
