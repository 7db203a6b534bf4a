// Justification rules: length in characters, placeholders, valid UTF-8, no control characters.
#include "backup_request/rules/justification.hpp"

#include "backup_request/text/ascii_text.hpp"
#include "backup_request/text/utf8_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

namespace backup_request {
namespace {

const std::string justification_field = "justification";

// Compared after lower-casing and dropping everything but letters and digits.
constexpr std::array<std::string_view, 22> placeholders = {
    "test",          "testing", "na",     "none",        "tbd",           "todo",
    "asap",          "urgent",  "xxx",    "foo",         "bar",           "foobar",
    "asdf",          "qwerty",  "tba",    "placeholder", "justification", "businessjustification",
    "pleaserestore", "restore", "backup", "loremipsum"};

bool is_alnum_ascii(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool same_word(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return lower_ascii(x) == lower_ascii(y);
           });
}

// One pass, no allocation for ordinary text: this runs on every draft of a batch. Placeholders are: nothing
// but punctuation, one character repeated, one word repeated ("test test test"), lorem ipsum, or a known
// word.
// Letters and digits only, lower-cased: "Replace this text: what..." -> "replacethistextwhat...".
void squeeze_into(std::string_view text, std::string& out) {
    out.clear();
    for (const char c : text) {
        if (is_alnum_ascii(c)) {
            out += lower_ascii(c);
        }
    }
}

// The template's own text, however it was edited: trimmed (a shorter piece of it), extended (text before or
// after it), re-cased or re-punctuated.
// How many times each letter and digit occurs, case ignored (the template's own, once).
AlnumCounts alnum_counts(std::string_view text) {
    TextProfile profile;
    profile_text(text, profile);
    return profile.alnum_counts;
}

// `counts`: the text's letters and digits (untrimmed is the same: trimming drops only white space).
bool is_template_text(std::string_view text, const AlnumCounts& counts) {
    static const std::string squeezed_template = [] {
        std::string out;
        squeeze_into(template_justification, out);
        return out;
    }();
    static const AlnumCounts template_counts = alnum_counts(template_justification);
    // Holding the template's letters means having at least as many of each; being a piece of it, at most as
    // many. Most justifications do neither, and are told apart by counting, without the search below.
    bool at_least = true;
    bool at_most = true;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        at_least = at_least && counts[i] >= template_counts[i];
        at_most = at_most && counts[i] <= template_counts[i];
    }
    if (!at_least && !at_most) {
        return false;
    }
    std::string squeezed; // rare: only texts whose letters could be the template's get here
    squeeze_into(text, squeezed);
    constexpr std::size_t shortest_piece = 16; // "replacethistext" and one more letter
    return squeezed.find(squeezed_template) != std::string::npos ||
           (squeezed.size() >= shortest_piece && squeezed_template.find(squeezed) != std::string::npos);
}

bool is_placeholder(std::string_view text) {
    std::size_t letters = 0;
    char first_letter = 0;
    bool one_character = true;
    std::string_view first_word;
    bool one_word = true;
    std::size_t words = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_alnum_ascii(text[i])) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (i < text.size() && is_alnum_ascii(text[i])) {
            const char c = lower_ascii(text[i]);
            one_character = one_character && (letters == 0 || c == first_letter);
            first_letter = letters == 0 ? c : first_letter;
            ++letters;
            ++i;
        }
        const std::string_view word = text.substr(start, i - start);
        if (words == 0) {
            first_word = word;
        } else if (one_word && !same_word(word, first_word)) {
            one_word = false;
        }
        ++words;
        if (!one_word && !one_character && letters > 24) {
            break; // what follows cannot change the answer: only the first word is left to look at
        }
    }
    if (letters == 0 || one_character || (words > 1 && one_word)) {
        return true;
    }
    if (same_word(first_word, "lorem")) {
        return true;
    }
    if (letters > 24) { // longer than any known placeholder
        return false;
    }
    std::string squeezed;
    for (const char c : text) {
        if (is_alnum_ascii(c)) {
            squeezed += lower_ascii(c);
        }
    }
    return std::find(placeholders.begin(), placeholders.end(), squeezed) != placeholders.end();
}

std::string without_carriage_returns(std::string_view text) {
    if (text.find('\r') == std::string_view::npos) {
        return std::string(text); // the usual case, copied at once
    }
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
    TextProfile profile;
    profile_text(raw, profile);
    return check_justification(raw, profile);
}

JustificationCheck check_justification(std::string_view raw, const TextProfile& profile) {
    JustificationCheck check;
    // Printable ASCII is most justifications: valid UTF-8 without CR or control characters, one byte a
    // character; only other text is decoded.
    const bool ascii = profile.printable_ascii;
    if (!ascii) {
        if (const auto offset = find_invalid_utf8(raw)) {
            check.diagnostics.push_back(make_error("justification-invalid-utf8", justification_field,
                                                   "the justification is not valid UTF-8 (at byte " +
                                                       std::to_string(*offset + 1) +
                                                       "): save it as UTF-8 and try again"));
            return check;
        }
    }
    check.text = std::string(trim_whitespace(ascii ? raw : without_carriage_returns(raw)));
    if (const auto control = ascii ? std::nullopt : find_control_character(check.text, "\n\t")) {
        check.diagnostics.push_back(make_error("justification-control-character", justification_field,
                                               "the justification holds the control character " +
                                                   code_point_name(control->code_point) + " (at byte " +
                                                   std::to_string(control->offset + 1) +
                                                   "): only printable text, new lines and tabs are allowed"));
        return check;
    }
    const std::size_t length = ascii ? check.text.size() : count_code_points(check.text);
    if (check.text.empty()) {
        check.diagnostics.push_back(make_error("justification-missing", justification_field,
                                               "the justification is empty: say what happened, the business "
                                               "impact, and what data you need"));
        return check;
    }
    if (is_template_text(check.text, profile.alnum_counts)) {
        check.diagnostics.push_back(make_error("justification-placeholder", justification_field,
                                               "the justification is still the template's text: replace it "
                                               "with what happened, the business impact, and what data you "
                                               "need"));
        return check;
    }
    if (is_placeholder(check.text)) {
        check.diagnostics.push_back(make_error("justification-placeholder", justification_field,
                                               "the justification is a placeholder, not a reason: say what "
                                               "happened, the business impact, and what data you need"));
        return check;
    }
    if (length < min_justification_length) {
        check.diagnostics.push_back(make_error("justification-too-short", justification_field,
                                               "the justification has " + std::to_string(length) +
                                                   " characters, fewer than 30: say what happened, the "
                                                   "business impact, and what data you need"));
        return check;
    }
    if (length > max_justification_length) {
        check.diagnostics.push_back(
            make_error("justification-too-long", justification_field,
                       "the justification has " + std::to_string(length) +
                           " characters, more than 4000: keep to the facts the vendor "
                           "needs and attach the rest to the case"));
        return check;
    }
    if (length < weak_justification_length) {
        check.diagnostics.push_back(
            make_warning("justification-weak", justification_field,
                         "the justification has only " + std::to_string(length) +
                             " characters and the vendor may decline the case: say what "
                             "happened, the business impact, and what data you need"));
    }
    return check;
}

} // namespace backup_request
