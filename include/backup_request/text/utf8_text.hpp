// UTF-8 checks on user text: validity, length in characters, and control characters.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace backup_request {

// The byte offset of the first invalid UTF-8 sequence (overlong, surrogate, truncated, > U+10FFFF), if any.
[[nodiscard]] std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// The length of the valid UTF-8 sequence at `offset` (1 to 4), with its code point; length 0 when invalid.
struct Utf8Sequence {
    char32_t code_point = 0;
    std::size_t length = 0;
};
[[nodiscard]] Utf8Sequence utf8_sequence_at(std::string_view text, std::size_t offset);

// Code points in valid UTF-8 text.
[[nodiscard]] std::size_t count_code_points(std::string_view text);

// The first C0/C1 control character or DEL other than those in `allowed`, as a code point, if any.
struct ControlCharacter {
    std::size_t offset;
    char32_t code_point;
};
[[nodiscard]] std::optional<ControlCharacter> find_control_character(std::string_view text,
                                                                     std::string_view allowed = "");

// `text` unchanged when it is valid UTF-8; otherwise each byte of an invalid sequence written as "\xNN", so
// what was stored by an older version or edited by hand can still reach a JSON writer.
[[nodiscard]] std::string valid_utf8_text(std::string text);

// "U+001B"
[[nodiscard]] std::string code_point_name(char32_t code_point);

} // namespace backup_request
