// Unit tests for grapheme cluster boundaries: Unicode's own GraphemeBreakTest.txt, replayed line by line.
#include "backup_request/text/grapheme_clusters.hpp"
#include "backup_request/trackers/tracker_body.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace backup_request;

namespace {

std::string utf8(char32_t cp) {
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6U));
        out += static_cast<char>(0x80 | (cp & 0x3FU));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12U));
        out += static_cast<char>(0x80 | ((cp >> 6U) & 0x3FU));
        out += static_cast<char>(0x80 | (cp & 0x3FU));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18U));
        out += static_cast<char>(0x80 | ((cp >> 12U) & 0x3FU));
        out += static_cast<char>(0x80 | ((cp >> 6U) & 0x3FU));
        out += static_cast<char>(0x80 | (cp & 0x3FU));
    }
    return out;
}

std::vector<std::size_t> boundaries(const std::string& text) {
    std::vector<std::size_t> out;
    for (std::size_t offset = 0; offset < text.size();) {
        offset = next_grapheme_boundary(text, offset);
        out.push_back(offset);
    }
    return out;
}

} // namespace

TEST_CASE("every line of Unicode's GraphemeBreakTest.txt gives the same boundaries") {
    std::ifstream file(BACKUP_REQUEST_GRAPHEME_BREAK_TEST);
    REQUIRE(file.good()); // Debian's unicode-data, which scripts/setup.sh --tests installs
    std::string line;
    std::size_t cases = 0;
    while (std::getline(file, line)) {
        line = line.substr(0, line.find('#'));
        if (line.find_first_not_of(" \t") == std::string::npos) {
            continue;
        }
        // "÷ 0020 × 0308 ÷": code points, with ÷ (a boundary) or × (none) between them.
        std::istringstream tokens(line);
        std::string token;
        std::string text;
        std::vector<std::size_t> expected;
        while (tokens >> token) {
            if (token == "\xC3\xB7") { // ÷
                if (!text.empty()) {
                    expected.push_back(text.size());
                }
            } else if (token != "\xC3\x97") { // ×
                text += utf8(static_cast<char32_t>(std::stoul(token, nullptr, 16)));
            }
        }
        INFO(line);
        CHECK(boundaries(text) == expected);
        ++cases;
    }
    CHECK(cases > 600); // 602 in Unicode 15.0
}

TEST_CASE("a title is cut between characters a reader sees, counted the tracker's way") {
    const std::string family = "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"; // 👩‍👩‍👧
    const std::string flag = "\xF0\x9F\x87\xB5\xF0\x9F\x87\xB9";                                     // 🇵🇹
    const std::string accented = "e\xCC\x81\xCC\x82";                                                // é̂
    CHECK(cut_to_characters("abc" + family, 5) == "abc\xE2\x80\xA6");
    CHECK(cut_to_characters("ab" + flag + "cd", 4) == "ab\xE2\x80\xA6");
    CHECK(cut_to_characters("ab" + flag + "cd", 5) == "ab" + flag + "\xE2\x80\xA6");
    CHECK(cut_to_characters("ab" + accented + "cd", 6) == "ab" + accented + "\xE2\x80\xA6");
    CHECK(cut_to_characters("ab" + accented + "cd", 5) == "ab\xE2\x80\xA6");
    CHECK(cut_to_characters("ab\\u{202e}cd", 5) == "ab\xE2\x80\xA6");
    CHECK(cut_to_characters("ab\\u{202e}cd", 11) == "ab\\u{202e}\xE2\x80\xA6");
    // Jira counts UTF-16 units: 200 emoji are 400, so 127 fit with the ellipsis in 255.
    std::string emoji;
    for (int i = 0; i < 200; ++i) {
        emoji += "\xF0\x9F\x94\xA5"; // 🔥
    }
    CHECK(text_length(emoji, LengthUnit::utf16_units) == 400);
    CHECK(text_length(emoji, LengthUnit::code_points) == 200);
    const std::string cut = cut_to_characters(emoji, 255, LengthUnit::utf16_units);
    CHECK(text_length(cut, LengthUnit::utf16_units) == 255);
    CHECK(cut == emoji.substr(0, 127 * 4) + "\xE2\x80\xA6");
    CHECK(cut_to_characters(emoji, 255) == emoji);
}
