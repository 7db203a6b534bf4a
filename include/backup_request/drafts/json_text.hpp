// Parsing JSON text into a value, with failures as values (line, column, message) rather than exceptions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace backup_request {

// Deeper nesting than any draft needs; nlohmann's parser recurses, so this also keeps the stack safe.
inline constexpr std::size_t max_json_depth = 64;

struct JsonError {
    std::size_t line = 1;   // 1-based, within the text given
    std::size_t column = 1; // 1-based, in bytes
    std::string message;    // "syntax error: expected ',' or '}' after an object member"
    std::string code = "json-invalid"; // or "draft-too-large": larger than the limit, never parsed
};

using JsonParseResult = std::variant<nlohmann::json, JsonError>;

// When `duplicate_keys` is given, it receives the JSON Pointer of every key that repeats one before it in
// the same object ("/contact"); nlohmann keeps the last value, so a duplicate is otherwise silent.
[[nodiscard]] JsonParseResult parse_json_text(std::string_view text,
                                              std::vector<std::string>* duplicate_keys = nullptr);

} // namespace backup_request
