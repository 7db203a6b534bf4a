// Plain scanning instead of regular expressions: it runs on every draft of a batch. The categories follow
// gitleaks' default rules for what shows up in incident text (keyword assignments in their many spellings,
// Authorization headers, JWTs, GitHub, GitLab, Slack and AWS tokens, private keys, URLs with passwords), with
// its allow-list habits for placeholders, paths and booleans.
#include "backup_request/rules/secret_scan.hpp"

#include "backup_request/text/ascii_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace backup_request {
namespace {

// ASCII only, as the categories' alphabets are: no locale call per character.
bool is_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_upper_or_digit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_identifier_char(char c) {
    return is_alnum(c) || c == '_' || c == '-' || c == '.';
}
bool at_word_start(std::string_view text, std::size_t i) {
    return i == 0 || (!is_alnum(text[i - 1]) && text[i - 1] != '_');
}

// Which bytes a text holds (its profile's): each category needs some byte most prose lacks ('=', '_', '<',
// '@', ...), so a category whose bytes are absent is not searched, and most justifications are decided by the
// one classification pass.
bool any_present(const TextProfile& profile, std::string_view bytes) {
    return std::any_of(bytes.begin(), bytes.end(), [&](char c) { return profile.has(c); });
}

// Length of the run of characters from `start` that satisfy `allowed`.
template <typename Allowed>
std::size_t run_length(std::string_view text, std::size_t start, Allowed allowed) {
    std::size_t end = start;
    while (end < text.size() && allowed(text[end])) {
        ++end;
    }
    return end - start;
}

// A key that names a credential: DB_PASSWORD, PGPASSWORD, MYSQL_PWD, api-key, client.secret, auth_token,
// AccountKey. Not one that names something about it: password_file, token_type, secret_name, key_id.
bool is_secret_key(std::string_view key) {
    if (std::none_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        return false; // "14" in "14:40": every credential word has letters
    }
    static constexpr std::array<std::string_view, 9> whole_words = {
        "password", "passwd", "pwd", "passphrase", "secret", "token", "apikey", "accountkey", "credentials"};
    static constexpr std::array<std::string_view, 4> endings = {"password", "passwd", "secret", "token"};
    static constexpr std::array<std::string_view, 14> about_it = {
        "id",  "name",   "length",  "size", "type",   "file",  "path",
        "url", "expiry", "expires", "ttl",  "policy", "reset", "hint"};
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= key.size(); ++i) {
        if (i == key.size() || key[i] == '_' || key[i] == '-' || key[i] == '.') {
            if (i > start) {
                parts.push_back(key.substr(start, i - start));
            }
            start = i + 1;
        }
    }
    if (parts.empty() || std::find(about_it.begin(), about_it.end(), parts.back()) != about_it.end()) {
        return false;
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto part = parts[i];
        if (std::find(whole_words.begin(), whole_words.end(), part) != whole_words.end()) {
            return true;
        }
        if (std::any_of(endings.begin(), endings.end(),
                        [&](std::string_view e) { return part.ends_with(e); })) {
            return true;
        }
        if (i + 1 < parts.size()) {
            const auto next = parts[i + 1];
            if ((part == "api" || part == "access" || part == "private" || part == "secret") &&
                next == "key") {
                return true;
            }
            if (part == "client" && next == "secret") {
                return true;
            }
        }
    }
    return false;
}

// Values that stand for a secret without being one: placeholders, variables, paths, booleans, masks.
bool is_stand_in(std::string_view value) {
    static constexpr std::array<std::string_view, 13> words = {
        "true",     "false",   "null",   "none",   "nil",      "yes",  "no",
        "redacted", "removed", "hidden", "masked", "changeme", "empty"};
    if (value.size() < 3) {
        return true;
    }
    const char first = value.front();
    if (first == '<' || first == '$' || first == '%' || first == '{' || first == '/' || first == '~' ||
        first == '[' || first == '(' || value.starts_with("./") || value.starts_with("..")) {
        return true;
    }
    if (value.size() >= 3 && value[1] == ':' && value[2] == '\\') { // C:\path
        return true;
    }
    if (std::all_of(value.begin(), value.end(),
                    [](char c) { return c == '*' || c == 'x' || c == '.' || c == '#'; })) {
        return true;
    }
    return std::find(words.begin(), words.end(), value) != words.end();
}

bool has_non_letter(std::string_view value) {
    return std::any_of(value.begin(), value.end(),
                       [](char c) { return std::isalpha(static_cast<unsigned char>(c)) == 0; });
}

// The key before an assignment operator at `op` (skipping spaces and a closing quote), and where it ends.
struct KeyBefore {
    std::string_view key;
    std::size_t end = 0;
};
KeyBefore key_before(std::string_view low, std::size_t op) {
    std::size_t end = op;
    while (end > 0 && (low[end - 1] == ' ' || low[end - 1] == '\t')) {
        --end;
    }
    const char quote = end > 0 && (low[end - 1] == '"' || low[end - 1] == '\'') ? low[end - 1] : '\0';
    if (quote != '\0') {
        --end;
    }
    std::size_t start = end;
    while (start > 0 && is_identifier_char(low[start - 1])) {
        --start;
    }
    // A quoted key is the whole quoted text: in "click here to reset your password":http://… (a Textile
    // link) the quotes hold prose, not a key.
    if (quote != '\0' && (start == 0 || low[start - 1] != quote)) {
        return {{}, end};
    }
    return {low.substr(start, end - start), end};
}

// The value assigned from `start`: a quoted string, or a run up to a separator, without a sentence's end.
std::string_view value_at(std::string_view low, std::size_t start, bool& quoted) {
    quoted = start < low.size() && (low[start] == '"' || low[start] == '\'');
    if (quoted) {
        const auto close = low.find(low[start], start + 1);
        return low.substr(start + 1, (close == std::string_view::npos ? low.size() : close) - start - 1);
    }
    const auto length = run_length(low, start, [](char c) {
        return !is_space(c) && c != ';' && c != ',' && c != '&' && c != '"' && c != '\'' && c != '<' &&
               c != ')' && c != ']' && c != '}';
    });
    std::string_view value = low.substr(start, length);
    while (!value.empty() && (value.back() == '.' || value.back() == '!')) {
        value.remove_suffix(1);
    }
    return value;
}

// The operator at `op`: ':' or '=' (with ":=" and "=>"), where its value starts, or nothing for "==", "!=",
// "<=" and a URL's "://".
struct Operator {
    bool colon = false;
    std::size_t value_start = 0;
};
std::optional<Operator> operator_at(std::string_view low, std::size_t op) {
    Operator found{low[op] == ':', op + 1};
    const char next = op + 1 < low.size() ? low[op + 1] : '\0';
    if (found.colon && next == '=') { // :=
        return Operator{false, op + 2};
    }
    if (!found.colon && next == '>') { // =>
        return Operator{false, op + 2};
    }
    if (!found.colon && op > 0 && (low[op - 1] == '=' || low[op - 1] == '!' || low[op - 1] == '<')) {
        return std::nullopt;
    }
    if (found.colon && next == '/') {
        return std::nullopt;
    }
    return found;
}

// KEY=value, KEY: value, KEY = "value", "KEY": "value", KEY := value, KEY => value, export KEY=value.
// After ':' an unquoted value must hold something other than letters, so "token: expired" in prose passes.
bool has_assignment(std::string_view low) {
    // The next '=' and the next ':' are each found with one memchr (find_first_of would call it per byte).
    std::size_t next_equals = low.find('=');
    std::size_t next_colon = low.find(':');
    for (std::size_t i = std::min(next_equals, next_colon); i != std::string_view::npos;
         i = std::min(next_equals, next_colon)) {
        if (i == next_equals) {
            next_equals = low.find('=', i + 1);
        } else {
            next_colon = low.find(':', i + 1);
        }
        const auto op = operator_at(low, i);
        const KeyBefore key = key_before(low, i);
        if (!op || key.key.empty() || !is_secret_key(key.key)) {
            continue;
        }
        const bool space_before = key.end != i && (low[i - 1] == ' ' || low[i - 1] == '\t');
        std::size_t value_start = op->value_start;
        while (value_start < low.size() && (low[value_start] == ' ' || low[value_start] == '\t')) {
            ++value_start;
        }
        if (!op->colon && !space_before && value_start != op->value_start) {
            continue; // "the AccountKey= setting was empty": nothing is assigned
        }
        bool quoted = false;
        const std::string_view value = value_at(low, value_start, quoted);
        if (is_stand_in(value) || (op->colon && !quoted && (!has_non_letter(value) || value.size() < 4))) {
            continue;
        }
        return true;
    }
    return false;
}

// <password>value</password>, <DbPassword>value</DbPassword>
bool has_xml_element(std::string_view low) {
    for (std::size_t i = low.find('<'); i != std::string_view::npos; i = low.find('<', i + 1)) {
        const std::size_t name_length = run_length(low, i + 1, is_identifier_char);
        const std::size_t close = i + 1 + name_length;
        if (name_length == 0 || close >= low.size() || low[close] != '>' ||
            !is_secret_key(low.substr(i + 1, name_length))) {
            continue;
        }
        const auto end = low.find('<', close + 1);
        std::string_view value =
            low.substr(close + 1, (end == std::string_view::npos ? low.size() : end) - close - 1);
        while (!value.empty() && is_space(value.front())) {
            value.remove_prefix(1);
        }
        while (!value.empty() && is_space(value.back())) {
            value.remove_suffix(1);
        }
        if (!is_stand_in(value)) {
            return true;
        }
    }
    return false;
}

// Authorization: Bearer <token> / Basic <base64>, and a bare "Bearer <long token>".
bool has_authorization(std::string_view low) {
    const auto credential_after = [&](std::size_t from, std::size_t min_length) {
        while (from < low.size() && low[from] == ' ') {
            ++from;
        }
        const auto length = run_length(low, from, [](char c) {
            return is_alnum(c) || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '=' ||
                   c == '-';
        });
        const auto credential = low.substr(from, length);
        return length >= min_length && has_non_letter(credential) && !is_stand_in(credential);
    };
    for (const std::string_view scheme :
         {std::string_view("bearer "), std::string_view("basic "), std::string_view("token ")}) {
        for (std::size_t i = low.find(scheme); i != std::string_view::npos; i = low.find(scheme, i + 1)) {
            if (!at_word_start(low, i)) {
                continue;
            }
            const auto header = low.rfind("authorization", i);
            const bool in_header = header != std::string_view::npos && i - header <= 20;
            if (in_header ? credential_after(i + scheme.size(), 8)
                          : scheme == "bearer " && credential_after(i + scheme.size(), 20)) {
                return true;
            }
        }
    }
    return false;
}

// scheme://user:password@host
bool has_url_credentials(std::string_view text) {
    for (std::size_t at = text.find("://"); at != std::string_view::npos; at = text.find("://", at + 1)) {
        std::size_t i = at + 3;
        std::size_t colon = std::string_view::npos;
        while (i < text.size() && !is_space(text[i]) && text[i] != '/') {
            if (text[i] == ':' && colon == std::string_view::npos) {
                colon = i;
            } else if (text[i] == '@') {
                if (colon != std::string_view::npos && !is_stand_in(text.substr(colon + 1, i - colon - 1))) {
                    return true;
                }
                break;
            }
            ++i;
        }
    }
    return false;
}

// A token with a fixed prefix (case-sensitive) at a word start, followed by at least `length` characters of
// its alphabet.
template <typename Alphabet>
bool has_prefixed_token(std::string_view text, std::string_view prefix, std::size_t length,
                        Alphabet alphabet) {
    for (std::size_t i = text.find(prefix); i != std::string_view::npos; i = text.find(prefix, i + 1)) {
        if (at_word_start(text, i) && run_length(text, i + prefix.size(), alphabet) >= length) {
            return true;
        }
    }
    return false;
}

bool is_base64url(char c) {
    return is_alnum(c) || c == '_' || c == '-';
}

// Each family is searched only when the text holds the byte its prefix needs.
bool has_service_token(std::string_view text, const TextProfile& profile) {
    const auto has = [&](char c) { return profile.has(c); };
    if (has('_')) {
        for (const std::string_view prefix : {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}) {
            if (has_prefixed_token(text, prefix, 36, is_alnum)) {
                return true;
            }
        }
        if (has_prefixed_token(text, "github_pat_", 22, [](char c) { return is_alnum(c) || c == '_'; })) {
            return true;
        }
    }
    if (has('-')) {
        if (has_prefixed_token(text, "glpat-", 20, is_base64url)) {
            return true;
        }
        for (const std::string_view prefix : {"xoxb-", "xoxp-", "xoxe-", "xoxa-", "xoxr-", "xoxs-"}) {
            if (has_prefixed_token(text, prefix, 10, is_base64url)) {
                return true;
            }
        }
    }
    for (std::size_t i = has('/') ? text.find("hooks.slack.com/services/") : std::string_view::npos;
         i != std::string_view::npos; i = text.find("hooks.slack.com/services/", i + 1)) {
        if (run_length(text, i + 25, [](char c) { return is_alnum(c) || c == '/' || c == '_'; }) >= 20) {
            return true;
        }
    }
    if (!has('A') || !has('I')) {
        return false;
    }
    // AKIA/ASIA + 16 upper-case letters or digits: an AWS access key id.
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

// A JSON Web Token: base64url header "eyJ...", a dot, base64url claims "eyJ...", a dot.
bool has_jwt(std::string_view text) {
    for (std::size_t i = text.find("eyJ"); i != std::string_view::npos; i = text.find("eyJ", i + 1)) {
        if (!at_word_start(text, i)) {
            continue;
        }
        const std::size_t header = run_length(text, i, is_base64url);
        const std::size_t dot = i + header;
        if (header < 10 || dot >= text.size() || text[dot] != '.' || text.substr(dot + 1, 3) != "eyJ") {
            continue;
        }
        const std::size_t claims = run_length(text, dot + 1, is_base64url);
        const std::size_t second_dot = dot + 1 + claims;
        if (claims >= 10 && second_dot < text.size() && text[second_dot] == '.') {
            return true;
        }
    }
    return false;
}

} // namespace

std::optional<Diagnostic> secret_diagnostic(const std::string& field, std::string_view text) {
    TextProfile profile;
    profile_text(text, profile);
    return secret_diagnostic(field, text, profile);
}

std::optional<Diagnostic> secret_diagnostic(const std::string& field, std::string_view text,
                                            const TextProfile& profile) {
    const auto what = find_secret(text, profile);
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
    TextProfile profile;
    profile_text(text, profile);
    return find_secret(text, profile);
}

std::optional<std::string> find_secret(std::string_view text, const TextProfile& profile) {
    const std::string_view low = profile.lower;
    const auto has = [&](char c) { return profile.has(c); };
    if (has('-') && low.find("-----begin") != std::string_view::npos &&
        low.find("private key") != std::string_view::npos) {
        return std::string("a private key block");
    }
    // ghp_ github_pat_ | glpat- xoxb- | hooks.slack.com/services/ | AKIA ASIA
    if (has_service_token(text, profile)) {
        return std::string("a cloud or service access key");
    }
    if (has('J') && has('.') && has_jwt(text)) { // eyJ...eyJ...
        return std::string("a web token (JWT)");
    }
    if (has(' ') && any_present(profile, "bBtT") && has_authorization(low)) { // bearer basic token
        return std::string("an Authorization header's credentials");
    }
    if (has(':') && has('@') && has_url_credentials(low)) { // ://user:password@
        return std::string("a connection string with a password");
    }
    if ((any_present(profile, "=:") && has_assignment(low)) ||
        (has('<') && has('>') && has_xml_element(low))) {
        return std::string("a password or secret assignment");
    }
    return std::nullopt;
}

} // namespace backup_request
