// Quoting, ASCII case and trimming, for every file that needs them.
#include "backup_request/text/ascii_text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace backup_request {
namespace {

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

template <typename Predicate> std::string_view trim_if(std::string_view text, Predicate strip) {
    while (!text.empty() && strip(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && strip(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

} // namespace

std::string quoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '\'';
    out += text;
    out += '\'';
    return out;
}

std::string to_lower_ascii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), lower_ascii);
    return out;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return lower_ascii(x) == lower_ascii(y);
           });
}

namespace {

bool is_printable_or_line_break(char c) {
    return (c >= ' ' && c <= '~') || c == '\n' || c == '\t';
}

} // namespace

bool is_printable_ascii_text(std::string_view text) {
    constexpr std::uint64_t ones = 0x0101010101010101U;
    constexpr std::uint64_t highs = 0x8080808080808080U;
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, 8);
        // A byte with its high bit, a byte below 0x20, or 0x7F (found as a zero byte of word ^ 0x7F...):
        // the usual bit tricks; a chunk with any of them is looked at byte by byte.
        const std::uint64_t delete_bytes = word ^ (ones * 0x7FU);
        const std::uint64_t suspect =
            (word | ((word - ones * 0x20U) & ~word) | ((delete_bytes - ones) & ~delete_bytes)) & highs;
        if (suspect != 0 &&
            !std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i),
                         text.begin() + static_cast<std::ptrdiff_t>(i + 8), is_printable_or_line_break)) {
            return false;
        }
    }
    return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i), text.end(), is_printable_or_line_break);
}

std::string_view trim_whitespace(std::string_view text) {
    return trim_if(text, is_ascii_space);
}

std::string_view trim_blanks(std::string_view text) {
    return trim_if(text, is_blank);
}

} // namespace backup_request
