// Host-name rules for environment addresses (RFC 1123 labels, ASCII only: IDNs must come as punycode).
#include "backup_request/rules/environment_address.hpp"

#include "backup_request/text/ascii_text.hpp"
#include "backup_request/text/utf8_text.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace backup_request {
namespace {

constexpr std::size_t max_label_length = 63;
constexpr std::size_t max_name_length = 253;

// ASCII only: a host name's alphabet, whatever the locale.
bool is_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

AddressError fail(std::string code, std::string message) {
    return {std::move(code), std::move(message)};
}

bool looks_like_ipv4(std::string_view host) {
    return !host.empty() &&
           std::all_of(host.begin(), host.end(), [](char c) { return is_digit(c) || c == '.'; });
}

// RFC 1123 labels: 1 to 63 letters, digits and hyphens, not starting or ending with a hyphen.
std::optional<AddressError> check_labels(std::string_view host, std::string_view text) {
    std::size_t start = 0;
    while (start <= host.size()) {
        const std::size_t end = std::min(host.find('.', start), host.size());
        const std::string_view label = host.substr(start, end - start);
        if (label.empty()) {
            return fail("env-invalid",
                        quoted(text) + " has an empty label (two dots in a row, or a leading dot)");
        }
        if (label.size() > max_label_length) {
            return fail("env-invalid", quoted(text) + " has a label longer than 63 characters");
        }
        if (label.front() == '-' || label.back() == '-') {
            return fail("env-invalid",
                        quoted(text) + " has a label that starts or ends with a hyphen: " + quoted(label));
        }
        const auto* bad =
            std::find_if(label.begin(), label.end(), [](char c) { return !is_alnum(c) && c != '-'; });
        if (bad != label.end()) {
            const std::string shown = (static_cast<unsigned char>(*bad) < 0x20 || *bad == 0x7F)
                                          ? code_point_name(static_cast<unsigned char>(*bad))
                                          : quoted(std::string_view(bad, 1));
            return fail("env-invalid", quoted(text) + " has the character " + shown +
                                           ", not allowed in a host name (letters, digits and hyphens only)");
        }
        start = end + 1;
    }
    return std::nullopt;
}

// The host of a plain name, lower-cased in the same pass: letters, digits and hyphens in labels of 1 to 63
// characters that neither start nor end with a hyphen, at least two labels, not only digits, at most 253
// characters, one trailing dot allowed. Anything else is left to the full checks, which say what is wrong.
std::optional<std::string> plain_host(std::string_view authority) {
    std::string_view name = authority;
    if (!name.empty() && name.back() == '.') {
        name.remove_suffix(1);
    }
    if (name.empty() || name.size() > max_name_length) {
        return std::nullopt;
    }
    std::string host(name.size(), '\0');
    std::size_t label_start = 0;
    bool has_dot = false;
    bool not_only_digits = false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        if (c == '.') {
            if (i == label_start || i - label_start > max_label_length || name[i - 1] == '-') {
                return std::nullopt;
            }
            has_dot = true;
            label_start = i + 1;
        } else if (c >= 'a' && c <= 'z') {
            not_only_digits = true;
        } else if (c >= 'A' && c <= 'Z') {
            c = lower_ascii(c);
            not_only_digits = true;
        } else if (c == '-') {
            if (i == label_start) {
                return std::nullopt;
            }
            not_only_digits = true;
        } else if (!is_digit(c)) {
            return std::nullopt;
        }
        host[i] = c;
    }
    if (label_start == name.size() || name.size() - label_start > max_label_length || name.back() == '-' ||
        !has_dot || !not_only_digits) {
        return std::nullopt;
    }
    return host;
}

// The usual address, decided in a few passes: a plain host name, bare or after http:// or https://, then
// perhaps a path, all ASCII. Nothing when anything is unusual: the full checks decide those.
std::optional<std::string> usual_address(std::string_view original) {
    std::string_view rest = trim_whitespace(original);
    const auto scheme_end = rest.find("://");
    if (scheme_end != std::string_view::npos) {
        // Only a leading scheme: "://" further on (in a query) makes the full checks refuse the address.
        if ((scheme_end != 4 && scheme_end != 5) ||
            !(equals_ignoring_case(rest.substr(0, scheme_end), "https") ||
              equals_ignoring_case(rest.substr(0, scheme_end), "http"))) {
            return std::nullopt;
        }
        rest.remove_prefix(scheme_end + 3);
    }
    if (rest.find(':') != std::string_view::npos) {
        return std::nullopt; // a port, an IPv6 address, a malformed URL: the full checks word those
    }
    const auto* authority_end =
        std::find_if(rest.begin(), rest.end(), [](char c) { return c == '/' || c == '?' || c == '#'; });
    const auto authority_size = static_cast<std::size_t>(authority_end - rest.begin());
    const std::string_view after = rest.substr(authority_size);
    if (std::any_of(after.begin(), after.end(),
                    [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
        return std::nullopt; // the full checks look at the whole text's UTF-8
    }
    return plain_host(rest.substr(0, authority_size));
}

} // namespace

AddressResult normalize_environment_address(std::string_view original) {
    if (auto host = usual_address(original)) {
        return std::move(*host);
    }
    return normalize_environment_address_in_full(original);
}

AddressResult normalize_environment_address_in_full(std::string_view original) {
    const std::string_view text = trim_whitespace(original);
    if (text.empty()) {
        return fail("env-invalid", "the environment address is empty: give a host name like "
                                   "acme-prd.outsystemsenterprise.com");
    }
    if (find_invalid_utf8(text)) {
        return fail("env-invalid", "the environment address is not valid UTF-8");
    }

    std::string_view rest = text;
    if (const auto scheme_end = rest.find("://"); scheme_end != std::string_view::npos) {
        const std::string scheme = to_lower_ascii(rest.substr(0, scheme_end));
        if (scheme != "https" && scheme != "http") {
            return fail("env-invalid", quoted(text) +
                                           " is not a web address: give the environment's host name or "
                                           "its https:// URL");
        }
        rest.remove_prefix(scheme_end + 3);
    } else if (const auto colon = rest.find(':'); colon != std::string_view::npos) {
        const std::string scheme = to_lower_ascii(rest.substr(0, colon));
        if (scheme == "https" || scheme == "http") {
            return fail("env-invalid",
                        quoted(text) + " is a malformed URL: write " + scheme +
                            "://, then the host name, like https://acme-prd.outsystemsenterprise.com");
        }
    }
    // A loop, not find_first_of("/?#"), which calls memchr for every byte: this runs for every address.
    const auto* authority_end =
        std::find_if(rest.begin(), rest.end(), [](char c) { return c == '/' || c == '?' || c == '#'; });
    const std::string_view authority = rest.substr(0, static_cast<std::size_t>(authority_end - rest.begin()));
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
        // The password (or the whole user part) is never repeated: stderr ends up in logs and CI output.
        const std::string host(authority.substr(at + 1));
        return fail("env-userinfo", "the address of " + quoted(host) +
                                        " holds a user name or password (not repeated here): give only the "
                                        "host name, and change that password if it was real");
    }
    // Two colons or more: an IPv6 address ("2001:db8::1"; CLI11 takes the brackets off "[::1]").
    if (authority.starts_with('[') || std::count(authority.begin(), authority.end(), ':') >= 2) {
        return fail("env-ip-literal", quoted(text) + " is an IP address: give the environment's host name");
    }
    if (authority.find(':') != std::string_view::npos) {
        return fail("env-port", quoted(text) + " has a port: give only the host name, without ':port'");
    }

    std::string host = to_lower_ascii(authority);
    if (!host.empty() && host.back() == '.') {
        host.pop_back();
    }
    if (host.empty()) {
        return fail("env-invalid", quoted(text) + " has no host name: give one like "
                                                  "acme-prd.outsystemsenterprise.com");
    }
    if (std::any_of(host.begin(), host.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
        return fail("env-non-ascii", quoted(text) +
                                         " has non-ASCII characters: give the punycode form of the "
                                         "name (it starts with xn--)");
    }
    if (looks_like_ipv4(host)) {
        return fail("env-ip-literal", quoted(text) + " is an IP address: give the environment's host name");
    }
    if (host.size() > max_name_length) {
        return fail("env-invalid",
                    quoted(text) + " is longer than 253 characters, the limit for a host name");
    }
    if (host.find('.') == std::string::npos) {
        return fail("env-single-label", quoted(text) +
                                            " is not a full host name: give the whole name, like " + host +
                                            ".outsystemsenterprise.com");
    }
    if (auto error = check_labels(host, text)) {
        return std::move(*error);
    }
    return host;
}

EnvironmentCheck check_environments(const std::vector<std::string>& addresses) {
    EnvironmentCheck check;
    if (addresses.empty()) {
        check.diagnostics.push_back(make_error("env-missing", "environments",
                                               "no environment address: give at least one, like "
                                               "acme-prd.outsystemsenterprise.com"));
        return check;
    }
    check.hosts.reserve(addresses.size());
    std::unordered_set<std::string> seen; // only for long lists: a few hosts are compared one by one
    const bool long_list = addresses.size() > 8;
    const auto seen_before = [&](const std::string& host) {
        return long_list ? !seen.insert(host).second
                         : std::find(check.hosts.begin(), check.hosts.end(), host) != check.hosts.end();
    };
    // One warning per repeated host, with a count: 100,000 copies of one address are one line, not 99,999.
    struct Repeated {
        std::string host;
        std::size_t first_repeat; // index of its second occurrence, where the warning points
        std::size_t times;
    };
    std::vector<Repeated> repeated;
    std::unordered_map<std::string, std::size_t> repeated_index;
    for (std::size_t i = 0; i < addresses.size(); ++i) {
        const auto field = [i] { return "environments[" + std::to_string(i) + "]"; }; // for messages only
        auto result = normalize_environment_address(addresses[i]);
        if (auto* error = std::get_if<AddressError>(&result)) {
            check.diagnostics.push_back(
                make_error(std::move(error->code), field(), std::move(error->message)));
            continue;
        }
        auto& host = std::get<std::string>(result);
        if (seen_before(host)) {
            const auto [at, first] = repeated_index.try_emplace(host, repeated.size());
            if (first) {
                repeated.push_back({host, i, 2});
            } else {
                ++repeated[at->second].times;
            }
            continue;
        }
        check.hosts.push_back(std::move(host));
    }
    for (const auto& repeat : repeated) {
        check.diagnostics.push_back(make_warning(
            "env-duplicate", "environments[" + std::to_string(repeat.first_repeat) + "]",
            repeat.host + " is given " +
                (repeat.times == 2 ? std::string("twice") : std::to_string(repeat.times) + " times") +
                "; it is kept once"));
    }
    // Counted after duplicates are dropped: the limit is on distinct environments, and every other problem
    // above is still reported.
    if (check.hosts.size() > max_environments) {
        check.diagnostics.push_back(make_error("env-too-many", "environments",
                                               std::to_string(check.hosts.size()) +
                                                   " distinct environment addresses: at most 50 fit in one "
                                                   "request; split it into several"));
    }
    return check;
}

} // namespace backup_request
