// Unit tests for diagnostics and how they are printed.
#include "backup_request/output/diagnostic_printer.hpp"
#include "backup_request/rules/diagnostic.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace backup_request;

TEST_CASE("Field paths become JSON Pointers") {
    CHECK(field_to_json_pointer("") == "");
    CHECK(field_to_json_pointer("point_in_time") == "/point_in_time");
    CHECK(field_to_json_pointer("environments[1]") == "/environments/1");
    CHECK(field_to_json_pointer("retention.days") == "/retention/days");
}

TEST_CASE("A diagnostic is one line: severity, field, message, code") {
    CHECK(diagnostic_line(make_error("time-too-old", "point_in_time", "too old")) ==
          "error: point_in_time: too old [time-too-old]");
    CHECK(diagnostic_line(make_warning("env-duplicate", "environments[1]", "twice")) ==
          "warning: environments[1]: twice [env-duplicate]");
    CHECK(diagnostic_line(make_error("env-missing", "", "none")) == "error: none [env-missing]");
}

TEST_CASE("A field path from a draft's key is printed as visible text") {
    CHECK(diagnostic_line(make_error("draft-unknown-field", "retention.\x1b[31mdays", "unknown")) ==
          "error: retention.\\x1b[31mdays: unknown [draft-unknown-field]");
    CHECK(diagnostic_line(make_error("draft-unknown-field", std::string("a\0b\nerror: x", 12), "m")) ==
          "error: a\\x00b\\nerror: x: m [draft-unknown-field]");
}

TEST_CASE("User text cannot repaint the terminal or fake a line") {
    CHECK(visible_text("a\nerror: fake") == "a\\nerror: fake");
    CHECK(visible_text("\x1b[2Jx") == "\\x1b[2Jx");
    CHECK(visible_text("tab\there") == "tab\\there");
    CHECK(visible_text("\xC2\x9B"
                       "31m") == "\\x9b31m");
    CHECK(visible_text("café") == "café");
    CHECK(visible_text("bad \xff\xc3 end") == "bad \\xff\\xc3 end");
    CHECK(visible_text("abc\xe2\x80\xae"
                       "def") == "abc\\u{202e}def");
}

TEST_CASE("Warnings can be hidden, errors never") {
    const Diagnostics both = {make_warning("w", "f", "warn"), make_error("e", "f", "err")};
    std::ostringstream shown;
    print_diagnostics(shown, both, true);
    CHECK(shown.str() == "warning: f: warn [w]\nerror: f: err [e]\n");
    std::ostringstream quiet;
    print_diagnostics(quiet, both, false);
    CHECK(quiet.str() == "error: f: err [e]\n");
    CHECK(has_errors(both));
    CHECK(count(both, Severity::warning) == 1);
}
