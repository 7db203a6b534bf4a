// Unit tests for Markdown escaping: code span fences and escaped lines, exact output.
#include "backup_request/output/markdown_text.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;

TEST_CASE("a code span's fence is longer than any run of backticks inside, padded at a backtick edge") {
    CHECK(markdown_code_span("INC-4711") == "`INC-4711`");
    CHECK(markdown_code_span("a`b") == "``a`b``");
    CHECK(markdown_code_span("INC-1` [x](y) `") == "`` INC-1` [x](y) ` ``");
    CHECK(markdown_code_span("``x") == "``` ``x ```");
    CHECK(markdown_code_span(" a ") == "`  a  `");
    CHECK(markdown_code_span("two\nlines") == "`two lines`");
}

TEST_CASE("a line keeps its words and punctuation readable, and its markup inert") {
    CHECK(markdown_escaped_line("At 14:05, 1,200 rows; done.") == "At 14:05, 1,200 rows; done.");
    CHECK(
        markdown_escaped_line("*a* _b_ `c` [d](e) <f> &amp; ~~g~~ | $h$ !") ==
        "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\&\u2060amp; \\~\\~\u2060g\\~\\~ \\| \\$\u2060h\\$ \\!");
    CHECK(markdown_escaped_line("# h") == "\\# h");
    CHECK(markdown_escaped_line("- item") == "\\- item");
    CHECK(markdown_escaped_line("12. item") == "12\\. item");
    CHECK(markdown_escaped_line("3) item") == "3\\) item");
    CHECK(markdown_escaped_line("    code") == "&#32;&#32;&#32;&#32;code");
    CHECK(markdown_escaped_line("\tcode") == "&#9;code");
    CHECK(markdown_escaped_line("see https://x.example and www.y.example") ==
          "see https\\://x.example and www\\.y.example");
    CHECK(markdown_escaped_line("end  ") == "end&#32;&#32;");
    CHECK(markdown_escaped_line("a\\b") == "a\\\\b");
}

TEST_CASE("a line notifies no one and links nothing on GitHub or GitLab") {
    const std::string wj = "\u2060";
    CHECK(markdown_escaped_line("ask @bob and @org/team") == "ask @" + wj + "bob and @" + wj + "org/team");
    CHECK(markdown_escaped_line("see #12, GH-3, owner/repo#4") ==
          "see #" + wj + "12, GH" + wj + "-3, owner/repo#" + wj + "4");
    CHECK(markdown_escaped_line("!7 ~x %\"m\" $1 &2") ==
          "\\!" + wj + "7 \\~" + wj + "x %" + wj + "\"m\" \\$" + wj + "1 \\&" + wj + "2");
    CHECK(markdown_escaped_line("mail a@b.example") == "mail a@" + wj + "b.example");
    CHECK(markdown_escaped_line("50 % off, # 1, @ noon") == "50 % off, # 1, @ noon");
}
