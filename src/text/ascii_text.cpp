// Quoting, ASCII case and trimming, for every file that needs them.
#include "backup_request/text/ascii_text.hpp"

#include <algorithm>

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

std::string_view trim_whitespace(std::string_view text) {
    return trim_if(text, is_ascii_space);
}

std::string_view trim_blanks(std::string_view text) {
    return trim_if(text, is_blank);
}

} // namespace backup_request
