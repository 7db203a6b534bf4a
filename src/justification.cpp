// Justification rules: length in characters, placeholders, valid UTF-8, no control characters.
#include "backup_request/justification.hpp"

#include "backup_request/utf8_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace backup_request {
namespace {

const std::string field = "justification";

// Compared after lower-casing and dropping everything but letters and digits.
constexpr std::array<std::string_view, 22> placeholders = {
    "test",          "testing", "na",     "none",        "tbd",           "todo",
    "asap",          "urgent",  "xxx",    "foo",         "bar",           "foobar",
    "asdf",          "qwerty",  "tba",    "placeholder", "justification", "businessjustification",
    "pleaserestore", "restore", "backup", "loremipsum"};

std::string letters_and_digits(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return out;
}

bool one_character_repeated(std::string_view squeezed) {
    return !squeezed.empty() &&
           std::all_of(squeezed.begin(), squeezed.end(), [&](char c) { return c == squeezed[0]; });
}

// "test test test" or "urgent urgent urgent": the same word over and over.
bool one_word_repeated(std::string_view text) {
    std::string first;
    std::string word;
    bool all_same = true;
    std::size_t words = 0;
    const auto flush = [&] {
        if (word.empty()) {
            return;
        }
        if (words == 0) {
            first = word;
        } else if (word != first) {
            all_same = false;
        }
        ++words;
        word.clear();
    };
    for (const char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
            flush();
        }
    }
    flush();
    return words > 1 && all_same;
}

bool is_placeholder(std::string_view text) {
    if (text == template_justification) {
        return true;
    }
    const std::string squeezed = letters_and_digits(text);
    if (squeezed.empty() || one_character_repeated(squeezed) || one_word_repeated(text)) {
        return true;
    }
    if (squeezed.starts_with("loremipsum")) {
        return true;
    }
    return std::find(placeholders.begin(), placeholders.end(), squeezed) != placeholders.end();
}

std::string without_carriage_returns(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        }
        out += text[i];
    }
    return out;
}

} // namespace

JustificationCheck check_justification(std::string_view raw) {
    JustificationCheck check;
    if (const auto offset = find_invalid_utf8(raw)) {
        check.diagnostics.push_back(make_error("justification-invalid-utf8", field,
                                               "the justification is not valid UTF-8 (at byte " +
                                                   std::to_string(*offset + 1) +
                                                   "): save it as UTF-8 and try again"));
        return check;
    }
    check.text = std::string(trim_whitespace(without_carriage_returns(raw)));
    if (const auto control = find_control_character(check.text, "\n\t")) {
        check.diagnostics.push_back(make_error("justification-control-character", field,
                                               "the justification holds the control character " +
                                                   code_point_name(control->code_point) + " (at byte " +
                                                   std::to_string(control->offset + 1) +
                                                   "): only printable text, new lines and tabs are allowed"));
        return check;
    }
    const std::size_t length = count_code_points(check.text);
    if (is_placeholder(check.text)) {
        check.diagnostics.push_back(make_error("justification-placeholder", field,
                                               "the justification is a placeholder, not a reason: say what "
                                               "happened, the business impact, and what data you need"));
        return check;
    }
    if (length < min_justification_length) {
        check.diagnostics.push_back(make_error("justification-too-short", field,
                                               "the justification has " + std::to_string(length) +
                                                   " characters, fewer than 30: say what happened, the "
                                                   "business impact, and what data you need"));
        return check;
    }
    if (length > max_justification_length) {
        check.diagnostics.push_back(
            make_error("justification-too-long", field,
                       "the justification has " + std::to_string(length) +
                           " characters, more than 4000: keep to the facts the vendor "
                           "needs and attach the rest to the case"));
        return check;
    }
    if (length < weak_justification_length) {
        check.diagnostics.push_back(
            make_warning("justification-weak", field,
                         "the justification has only " + std::to_string(length) +
                             " characters and the vendor may decline the case: say what "
                             "happened, the business impact, and what data you need"));
    }
    return check;
}

} // namespace backup_request
