// Plain scanning instead of regular expressions: it runs on every draft of a batch, and each pattern is
// simple.
#include "backup_request/secret_scan.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace backup_request {
namespace {

bool is_alnum(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
bool is_upper_or_digit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// ASCII only, without the C locale's per-character call: it runs over every justification of a batch.
void lower_into(std::string_view text, std::string& out) {
    out.resize(text.size());
    std::transform(text.begin(), text.end(), out.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
}

// "password = hunter2", "pwd: s3cret!", "api_key='abc123'": a keyword at a word start, '=' or ':', a value.
// After ':' the value must hold something other than letters, so "password: changed" in prose passes.
// One pass over the text: at each '=' or ':', the word before it is looked up among the keywords.
bool has_assignment(const std::string& text) {
    static constexpr std::array<std::string_view, 11> keywords = {
        "password", "passwd", "pwd",     "passphrase",   "secret",    "client_secret",
        "api_key",  "apikey", "api-key", "access_token", "auth_token"};
    for (std::size_t i = text.find_first_of("=:"); i != std::string::npos;
         i = text.find_first_of("=:", i + 1)) {
        std::size_t end = i;
        while (end > 0 && text[end - 1] == ' ') {
            --end;
        }
        std::size_t start = end;
        while (start > 0 && (is_alnum(text[start - 1]) || text[start - 1] == '_' || text[start - 1] == '-')) {
            --start;
        }
        const std::string_view word = std::string_view(text).substr(start, end - start);
        if (std::find(keywords.begin(), keywords.end(), word) == keywords.end()) {
            continue;
        }
        const bool colon = text[i] == ':';
        std::size_t value_start = i + 1;
        while (value_start < text.size() &&
               (text[value_start] == ' ' || text[value_start] == '"' || text[value_start] == '\'')) {
            ++value_start;
        }
        std::size_t value_end = value_start;
        while (value_end < text.size() && !is_space(text[value_end]) && text[value_end] != ';' &&
               text[value_end] != '"' && text[value_end] != '\'' && text[value_end] != ',') {
            ++value_end;
        }
        const std::string_view value = std::string_view(text).substr(value_start, value_end - value_start);
        const bool not_just_letters = std::any_of(value.begin(), value.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) == 0;
        });
        if (value.size() >= 3 && (!colon || (not_just_letters && value.size() >= 4))) {
            return true;
        }
    }
    return false;
}

// scheme://user:password@host
bool has_url_credentials(const std::string& text) {
    for (std::size_t at = text.find("://"); at != std::string::npos; at = text.find("://", at + 1)) {
        std::size_t i = at + 3;
        bool colon = false;
        while (i < text.size() && !is_space(text[i]) && text[i] != '/') {
            if (text[i] == ':') {
                colon = true;
            } else if (text[i] == '@') {
                if (colon) {
                    return true;
                }
                break;
            }
            ++i;
        }
    }
    return false;
}

// AKIA/ASIA + 16 upper-case letters or digits: an AWS access key id.
bool has_aws_key_id(std::string_view text) {
    for (const std::string_view prefix : {std::string_view("AKIA"), std::string_view("ASIA")}) {
        for (std::size_t i = text.find(prefix); i != std::string_view::npos; i = text.find(prefix, i + 1)) {
            if (i + 20 <= text.size() && (i == 0 || !is_alnum(text[i - 1])) &&
                std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i + 4),
                            text.begin() + static_cast<std::ptrdiff_t>(i + 20), is_upper_or_digit) &&
                (i + 20 == text.size() || !is_alnum(text[i + 20]))) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

std::optional<Diagnostic> secret_diagnostic(const std::string& field, std::string_view text) {
    const auto what = find_secret(text);
    if (!what) {
        return std::nullopt;
    }
    return make_error(
        "secret-detected", field,
        "this looks like it holds " + *what +
            ": a support case is no place for credentials; the vendor hands you credentials, never "
            "the reverse (remove it, or pass --allow-secrets if it is a false positive)");
}

std::optional<std::string> find_secret(std::string_view text) {
    thread_local std::string low; // reused: no allocation per call once it has grown
    lower_into(text, low);
    if (low.find("-----begin") != std::string::npos && low.find("private key") != std::string::npos) {
        return std::string("a private key block");
    }
    if (has_aws_key_id(text) || low.find("aws_secret_access_key") != std::string::npos ||
        low.find("accountkey=") != std::string::npos || low.find("ghp_") != std::string::npos ||
        low.find("github_pat_") != std::string::npos || low.find("xoxb-") != std::string::npos) {
        return std::string("a cloud or service access key");
    }
    if (has_url_credentials(low)) {
        return std::string("a connection string with a password");
    }
    if (has_assignment(low)) {
        return std::string("a password or secret assignment");
    }
    return std::nullopt;
}

} // namespace backup_request
