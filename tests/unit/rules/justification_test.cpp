// Unit tests for the justification rules.
#include "backup_request/rules/justification.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;

namespace {

std::vector<std::string> codes(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& d : check_justification(text).diagnostics) {
        out.push_back(d.code);
    }
    return out;
}

using Codes = std::vector<std::string>;

const std::string strong =
    "A failed deployment at 14:40 UTC deleted 3,000 invoices from the production database. Finance cannot "
    "close the month; we need the Invoice table as it was at 14:30 UTC to restore them.";

} // namespace

TEST_CASE("A full justification passes, trimmed") {
    const auto check = check_justification("\n  " + strong + "  \n");
    CHECK(check.diagnostics.empty());
    CHECK(check.text == strong);
}

TEST_CASE("Length limits in characters, at their edges") {
    CHECK(codes(std::string(29, 'x') + "y") == Codes{"justification-weak"});
    CHECK(codes("Orders were deleted by a bug.") == Codes{"justification-too-short"}); // 29
    CHECK(codes("Orders were deleted by a bugs.") == Codes{"justification-weak"});     // 30
    std::string ninety_nine = "Orders were deleted by a bug " + std::string(70, 'x');
    REQUIRE(ninety_nine.size() == 99);
    CHECK(codes(ninety_nine) == Codes{"justification-weak"});
    CHECK(codes(ninety_nine + "x").empty());
    std::string four_thousand = "Orders were deleted " + std::string(3980, 'x');
    CHECK(codes(four_thousand).empty());
    CHECK(codes(four_thousand + "x") == Codes{"justification-too-long"});
    SECTION("multi-byte characters count once") {
        const std::string accents = "Encomendas apagadas após a atualização: ção ção ção"; // 51 characters
        CHECK(codes(accents) == Codes{"justification-weak"});
        CHECK(check_justification("Pedidos apagados após atualização ç").diagnostics.at(0).message ==
              "the justification has only 35 characters and the vendor may decline the case: say what "
              "happened, "
              "the business impact, and what data you need");
    }
}

TEST_CASE("Placeholders are errors") {
    for (const char* text :
         {"test", "n/a", "N/A", "TBD", "asap", "URGENT!!!", "todo", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
          "test test test test test test test test", "Lorem ipsum dolor sit amet, consectetur",
          "..................................",
          // The template's own text, edited: trimmed, re-cased, extended, cut short.
          "Replace this text: what happened and when (UTC), the business impact, and which data you need "
          "from the backup",
          "replace this text: what happened and when (utc), the business impact, and which data you need "
          "from the backup.",
          "Replace this text: what happened and when (UTC), the business impact, and which data you need "
          "from the backup. We lost the orders table at 14:05 UTC.",
          "Replace this text: what happened"}) {
        CAPTURE(text);
        CHECK(codes(text) == Codes{"justification-placeholder"});
    }
}

TEST_CASE("An empty justification is missing, not a placeholder") {
    CHECK(codes("") == Codes{"justification-missing"});
    CHECK(codes("   \n\t ") == Codes{"justification-missing"});
}

TEST_CASE("Invalid UTF-8 and control characters are errors") {
    CHECK(codes(strong + "\xC3") == Codes{"justification-invalid-utf8"});
    CHECK(codes(strong + "\xED\xA0\x80") == Codes{"justification-invalid-utf8"}); // a surrogate
    CHECK(codes(strong + "\xC0\xAF") == Codes{"justification-invalid-utf8"});     // overlong
    const auto escape = check_justification(strong + "\x1b[2J");
    REQUIRE(escape.diagnostics.size() == 1);
    CHECK(escape.diagnostics[0].code == "justification-control-character");
    CHECK_THAT(escape.diagnostics[0].message, Catch::Contains("U+001B"));
    CHECK(codes(strong + "\xC2\x9B") == Codes{"justification-control-character"}); // C1 CSI
    CHECK(codes(strong + "\x7F") == Codes{"justification-control-character"});
    CHECK(codes("line one of the reason\n\tline two of the reason, with a tab").size() == 1); // only weak
    CHECK(check_justification(strong + "\r\nsecond line").text == strong + "\nsecond line");
    CHECK(codes(strong + "\rrest") == Codes{"justification-control-character"});
}
