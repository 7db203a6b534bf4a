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
bool has_assignment(const std::string& text) {
    static constexpr std::array<std::string_view, 11> keywords = {
        "password", "passwd", "pwd",     "passphrase",   "secret",    "client_secret",
        "api_key",  "apikey", "api-key", "access_token", "auth_token"};
    for (const auto keyword : keywords) {
        for (std::size_t at = text.find(keyword); at != std::string::npos; at = text.find(keyword, at + 1)) {
            if (at > 0 && (is_alnum(text[at - 1]) || text[at - 1] == '_')) {
                continue;
            }
            std::size_t i = at + keyword.size();
            while (i < text.size() && text[i] == ' ') {
                ++i;
            }
            if (i >= text.size() || (text[i] != '=' && text[i] != ':')) {
                continue;
            }
            const bool colon = text[i] == ':';
            ++i;
            while (i < text.size() && (text[i] == ' ' || text[i] == '"' || text[i] == '\'')) {
                ++i;
            }
            std::size_t end = i;
            while (end < text.size() && !is_space(text[end]) && text[end] != ';' && text[end] != '"' &&
                   text[end] != '\'' && text[end] != ',') {
                ++end;
            }
            const std::string_view value = std::string_view(text).substr(i, end - i);
            const bool not_just_letters = std::any_of(value.begin(), value.end(), [](char c) {
                return !std::isalpha(static_cast<unsigned char>(c));
            });
            if (value.size() >= 3 && (!colon || (not_just_letters && value.size() >= 4))) {
                return true;
            }
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
    for (std::size_t i = 0; i + 20 <= text.size(); ++i) {
        const std::string_view prefix = text.substr(i, 4);
        if ((prefix == "AKIA" || prefix == "ASIA") && (i == 0 || !is_alnum(text[i - 1])) &&
            std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i + 4),
                        text.begin() + static_cast<std::ptrdiff_t>(i + 20), is_upper_or_digit) &&
            (i + 20 == text.size() || !is_alnum(text[i + 20]))) {
            return true;
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
