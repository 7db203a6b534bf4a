// Terminal columns: one per cluster, two for East Asian wide ones; cutting keeps clusters whole.
#include "backup_request/text/display_width.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;

TEST_CASE("display width counts wide clusters as two columns") {
    CHECK(display_width("") == 0);
    CHECK(display_width("acme-prd") == 8);
    CHECK(display_width("caf\u00e9") == 4);                  // precomposed
    CHECK(display_width("cafe\u0301") == 4);                 // e + combining acute: one cluster
    CHECK(display_width("\u6771\u4eac") == 4);               // 東京
    CHECK(display_width("\uac00\ub098") == 4);               // 가나 (Hangul syllables)
    CHECK(display_width("\uff21\uff22") == 4);               // fullwidth A B
    CHECK(display_width("\U0001F600") == 2);                 // 😀
    CHECK(display_width("\U0001F469\u200D\U0001F4BB") == 2); // 👩‍💻, one cluster
    CHECK(display_width("INC-\u6771") == 6);
    CHECK(display_width("\uff61") == 1); // halfwidth katakana full stop: narrow
}

TEST_CASE("cutting to a width keeps clusters whole and marks the cut") {
    CHECK(cut_to_width("acme-prd.example.com", 30) == "acme-prd.example.com");
    CHECK(cut_to_width("acme-prd.example.com", 10) == "acme-prd.\u2026");
    CHECK(display_width(cut_to_width("acme-prd.example.com", 10)) == 10);
    // A wide character that would straddle the edge is left out whole.
    CHECK(cut_to_width("ab\u6771\u4eac", 4) == "ab\u2026");
    CHECK(cut_to_width("\u6771\u4eac\u5927\u962a", 6) == "\u6771\u4eac\u2026");
    CHECK(cut_to_width("abc", 1) == "\u2026");
}
