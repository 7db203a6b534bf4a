// Unit tests for parse_json_text: values, and failures with their positions.
#include "backup_request/drafts/json_text.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;

namespace {

JsonError error_of(std::string_view text) {
    auto result = parse_json_text(text);
    REQUIRE(std::holds_alternative<JsonError>(result));
    return std::get<JsonError>(result);
}

} // namespace

TEST_CASE("Valid JSON parses") {
    auto result = parse_json_text(R"({"a": [1, "x"]})");
    REQUIRE(std::holds_alternative<nlohmann::json>(result));
    CHECK(std::get<nlohmann::json>(result)["a"][1] == "x");
}

TEST_CASE("Syntax errors carry line and column, without the library's prefix") {
    const auto error = error_of("{\n  \"a\": 1\n  \"b\": 2\n}");
    CHECK(error.line == 3);
    CHECK(error.column == 5); // nlohmann points at the end of the unexpected token
    CHECK(error.message.starts_with("syntax error while parsing object"));
    CHECK(error_of("").message.starts_with("syntax error while parsing value"));
    CHECK(error_of("{} x").line == 1);
}

TEST_CASE("Invalid UTF-8 is reported where it is") {
    const auto error = error_of("{\"a\": \"\xff\"}");
    CHECK(error.column == 8);
    CHECK(error.message == "invalid UTF-8; save the file as UTF-8");
}

TEST_CASE("Deep nesting is refused before the recursive parser sees it") {
    const std::string deep(1'000'000, '[');
    const auto error = error_of(deep);
    CHECK(error.column == 65);
    CHECK(error.message == "nested more than 64 levels deep; a draft is a flat object");
    const std::string ok = std::string(64, '[') + std::string(64, ']');
    CHECK(std::holds_alternative<nlohmann::json>(parse_json_text(ok)));
    CHECK(std::holds_alternative<nlohmann::json>(parse_json_text(
        R"({"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})")));
}

TEST_CASE("Raw NUL bytes and numbers beyond a double are errors, not crashes (found by JSONTestSuite)") {
    const auto nul = error_of(std::string_view("123\0", 4));
    CHECK(nul.column == 4);
    CHECK(nul.message == "a NUL byte, which JSON text cannot hold");
    CHECK(error_of("[123123e100000]").message == "number overflow parsing '123123e100000'");
}

TEST_CASE("Repeated keys are found with their JSON Pointers, in nested objects and arrays too") {
    std::vector<std::string> duplicates;
    auto result = parse_json_text(
        R"({"a":1,"b":{"c":1,"c":2},"a":3,"l":[{"x":1},{"y":1,"y":2}],"k/~":1,"k/~":2})", &duplicates);
    REQUIRE(std::holds_alternative<nlohmann::json>(result));
    CHECK(std::get<nlohmann::json>(result)["a"] == 3); // nlohmann keeps the last
    CHECK(duplicates == std::vector<std::string>{"/b/c", "/a", "/l/1/y", "/k~1~0"});
    duplicates.clear();
    (void)parse_json_text(R"({"a":{"b":1},"c":{"b":2}})", &duplicates);
    CHECK(duplicates.empty());
}
