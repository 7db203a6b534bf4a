// Escaping by the CommonMark spec's own rules (backslash escapes, code span fences, character references),
// rather than by a list of characters known to be dangerous today.
#include "backup_request/output/markdown_text.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

namespace backup_request {
namespace {

// Characters with a meaning anywhere in a line: code, emphasis, links and images, HTML and autolinks,
// entities, GFM strikethrough, tables and math.
bool is_inline_markup(char c) {
    return std::string_view("\\`*_[]<>&~|$!").find(c) != std::string_view::npos;
}

// Characters with a meaning where a line starts: headings, lists, thematic breaks, setext underlines, quotes.
bool is_block_markup(char c) {
    return std::string_view("#+-=>").find(c) != std::string_view::npos;
}

// "1." or "12)" at the start: an ordered list marker; the index of its '.' or ')'.
std::size_t ordered_list_marker(std::string_view line, std::size_t start) {
    std::size_t i = start;
    while (i < line.size() && i - start < 10 && line[i] >= '0' && line[i] <= '9') {
        ++i;
    }
    return i > start && i < line.size() && (line[i] == '.' || line[i] == ')') ? i : std::string_view::npos;
}

// GFM's extended autolinks start at "://" and at "www."; an escaped ':' or '.' there never triggers them.
bool starts_autolink(std::string_view line, std::size_t i) {
    if (line[i] == ':') {
        return line.substr(i + 1, 2) == "//";
    }
    if (line[i] == '.' && i >= 3) {
        const std::string_view before = line.substr(i - 3, 3);
        const bool www = before == "www" || before == "WWW" || before == "Www";
        return www && (i == 3 || std::string_view(" \t(*_~").find(line[i - 4]) != std::string_view::npos);
    }
    return false;
}

// U+2060 WORD JOINER: invisible, and not a word character, so the reference syntax of GitHub and GitLab
// (@user, #123, !7, ~label, %"milestone", $1, &1, GH-12) and GFM's e-mail autolinks, which match the text
// after Markdown is parsed (where no backslash escape reaches), no longer match.
constexpr std::string_view word_joiner = "\u2060";

// A character that starts a mention or a reference in GitHub's or GitLab's text, followed by what a name,
// number or quoted title starts with: a word joiner goes between them.
bool starts_reference(std::string_view line, std::size_t i) {
    if (std::string_view("@#!%~$&").find(line[i]) == std::string_view::npos || i + 1 == line.size()) {
        return false;
    }
    const char next = line[i + 1];
    return (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9') ||
           next == '_' || next == '"';
}

// "GH-12" (GitHub's own issue reference): a word joiner goes before the '-'.
bool is_github_reference_dash(std::string_view line, std::size_t i) {
    return line[i] == '-' && i >= 2 && (line[i - 2] == 'G' || line[i - 2] == 'g') &&
           (line[i - 1] == 'H' || line[i - 1] == 'h') && i + 1 < line.size() && line[i + 1] >= '0' &&
           line[i + 1] <= '9';
}

bool is_hex_digit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool is_word_character(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// Where GitHub and GitLab would link a bare commit SHA (a word of 7 to 40 hex digits): the offsets inside it
// after which a word joiner goes, every 6 characters, so no piece is long enough to be one. A word of digits
// only is a number (a case id, a count), never broken: copying it must give the number.
std::vector<std::size_t> sha_breaks(std::string_view line) {
    std::vector<std::size_t> breaks;
    std::size_t i = 0;
    while (i < line.size()) {
        if (!is_word_character(line[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        bool letter = false;
        bool all_hex = true;
        while (end < line.size() && is_word_character(line[end])) {
            all_hex = all_hex && is_hex_digit(line[end]);
            letter = letter || (line[end] > '9');
            ++end;
        }
        const std::size_t length = end - i;
        if (all_hex && letter && length >= 7 && length <= 40) {
            for (std::size_t at = i + 6; at < end; at += 6) {
                breaks.push_back(at);
            }
        }
        i = end;
    }
    return breaks;
}

} // namespace

std::string markdown_escaped_line(std::string_view line) {
    std::string out;
    out.reserve(line.size() * 2);
    std::size_t i = 0;
    for (; i < line.size() && (line[i] == ' ' || line[i] == '\t'); ++i) {
        out += line[i] == ' ' ? "&#32;" : "&#9;";
    }
    const std::size_t first = i;
    const std::size_t marker = ordered_list_marker(line, first);
    const auto breaks = sha_breaks(line);
    auto next_break = breaks.begin();
    for (; i < line.size(); ++i) {
        if (next_break != breaks.end() && *next_break == i) {
            out += word_joiner;
            ++next_break;
        }
        if (is_inline_markup(line[i]) || (i == first && is_block_markup(line[i])) || i == marker ||
            starts_autolink(line, i)) {
            out += '\\';
        }
        if (is_github_reference_dash(line, i)) {
            out += word_joiner;
        }
        out += line[i];
        if (starts_reference(line, i)) {
            out += word_joiner;
        }
    }
    // Trailing spaces would make a hard line break; as references they stay plain spaces.
    std::size_t trailing = 0;
    while (trailing < out.size() && out[out.size() - 1 - trailing] == ' ') {
        ++trailing;
    }
    if (trailing >= 2) {
        out.erase(out.size() - trailing);
        for (std::size_t k = 0; k < trailing; ++k) {
            out += "&#32;";
        }
    }
    return out;
}

std::string markdown_code_span(std::string_view text) {
    std::string content(text);
    std::replace(content.begin(), content.end(), '\n', ' ');
    std::replace(content.begin(), content.end(), '\r', ' ');
    std::size_t longest = 0;
    std::size_t run = 0;
    for (const char c : content) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const std::string fence(longest + 1, '`');
    // CommonMark strips one space from each end when both ends have one; the padding restores the text.
    const bool pad = !content.empty() && (content.front() == '`' || content.back() == '`' ||
                                          (content.front() == ' ' && content.back() == ' '));
    return fence + (pad ? " " : "") + content + (pad ? " " : "") + fence;
}

} // namespace backup_request
