// The small text helpers, in one place: quoting for messages, ASCII lower-casing and comparison, trimming.
#pragma once

#include <string>
#include <string_view>

namespace backup_request {

// 'text', the way messages show a user's value.
[[nodiscard]] std::string quoted(std::string_view text);
// Exact matches for the common argument types, so that std::quoted (found by argument-dependent lookup when
// <iomanip> is in the same translation unit, as in a unity build) never wins.
[[nodiscard]] inline std::string quoted(const std::string& text) {
    return quoted(std::string_view(text));
}
[[nodiscard]] inline std::string quoted(const char* text) {
    return quoted(std::string_view(text));
}

// ASCII only: user text is compared with ASCII keywords, and the C locale's per-character call is not needed.
[[nodiscard]] constexpr char lower_ascii(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
[[nodiscard]] constexpr bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}
[[nodiscard]] constexpr bool is_ascii_hex_digit(char c) {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
[[nodiscard]] std::string to_lower_ascii(std::string_view text);
[[nodiscard]] bool equals_ignoring_case(std::string_view a, std::string_view b);

// Printable ASCII (space to '~'), new lines and tabs only: such text is valid UTF-8, holds no control
// character or CR, and has as many characters as bytes, so the checks for those can be skipped. Eight bytes
// at a time: it runs over every justification of a batch.
[[nodiscard]] bool is_printable_ascii_text(std::string_view text);

// Leading and trailing ASCII white space (space, tab, CR, LF, FF, VT) removed.
[[nodiscard]] std::string_view trim_whitespace(std::string_view text);

// Leading and trailing spaces and tabs removed, line breaks kept (a time with a line break in it is wrong).
[[nodiscard]] std::string_view trim_blanks(std::string_view text);

} // namespace backup_request
