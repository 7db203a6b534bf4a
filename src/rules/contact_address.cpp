// An e-mail check by the rules a mail server applies: a dot-atom local part of at most 64 characters (RFC
// 5322, 5321), one @, a dotted domain of host-name labels, at most 254 characters in all.
#include "backup_request/rules/contact_address.hpp"

#include "backup_request/text/ascii_text.hpp"
#include "backup_request/text/utf8_text.hpp"

#include <algorithm>
#include <cctype>

namespace backup_request {

namespace {

// RFC 5322's atext: the characters of an unquoted local part besides the dots between them.
bool is_atext(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// A dot-atom: atext runs joined by single dots, none at either end.
bool is_dot_atom(std::string_view text) {
    if (text.empty() || text.front() == '.' || text.back() == '.' ||
        text.find("..") != std::string_view::npos) {
        return false;
    }
    return std::all_of(text.begin(), text.end(), [](char c) { return c == '.' || is_atext(c); });
}

// Host-name labels of 1 to 63 letters, digits and inner hyphens, at least two of them.
bool is_domain(std::string_view domain) {
    if (domain.find('.') == std::string_view::npos) {
        return false;
    }
    std::size_t start = 0;
    while (start <= domain.size()) {
        const std::size_t dot = std::min(domain.find('.', start), domain.size());
        const std::string_view label = domain.substr(start, dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-' ||
            !std::all_of(label.begin(), label.end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-';
            })) {
            return false;
        }
        start = dot + 1;
    }
    return true;
}

// The limits of RFC 5321 (4.5.3.1): a local part of 64 octets, a path of 256 (an address of 254).
constexpr std::size_t max_local_part = 64;
constexpr std::size_t max_address = 254;

} // namespace

std::optional<Diagnostic> check_contact(std::string_view text) {
    const auto invalid = [&](const std::string& why) {
        const bool unprintable = find_invalid_utf8(text) || find_control_character(text);
        const std::string shown = unprintable        ? std::string("(unprintable)")
                                  : text.size() > 80 ? std::string(text.substr(0, 60)) + "..."
                                                     : std::string(text);
        return make_error("contact-invalid", "contact",
                          "the contact must be an e-mail address like ops@acme.example, not '" + shown + "'" +
                              (why.empty() ? "" : ": " + why));
    };
    const std::size_t at = text.rfind('@');
    if (at == std::string_view::npos || at == 0) {
        return invalid("");
    }
    const std::string_view local = text.substr(0, at);
    const std::string_view domain = text.substr(at + 1);
    if (local.size() > max_local_part) {
        return invalid("the part before the @ has " + std::to_string(local.size()) + " characters, at most " +
                       std::to_string(max_local_part) + " are allowed");
    }
    if (text.size() > max_address) {
        return invalid("it has " + std::to_string(text.size()) + " characters, at most " +
                       std::to_string(max_address) + " are allowed");
    }
    if (!is_dot_atom(local)) {
        return invalid(local.find('@') != std::string_view::npos ? "it holds more than one @"
                       : local.front() == '.' || local.back() == '.' ||
                               local.find("..") != std::string_view::npos
                           ? "a dot cannot start or end the part before the @, or follow another dot"
                           : "the part before the @ holds a character an address cannot have unquoted");
    }
    if (!is_domain(domain)) {
        return invalid("");
    }
    return std::nullopt;
}

std::optional<Diagnostic> check_reference(std::string_view text) {
    if (trim_whitespace(text).empty()) {
        return make_error("reference-invalid", "reference",
                          "the reference is empty: leave it out or give your "
                          "incident id");
    }
    if (find_invalid_utf8(text) || find_control_character(text)) {
        return make_error(
            "reference-invalid", "reference",
            "the reference holds invalid UTF-8 or control characters: give a plain incident id");
    }
    if (count_code_points(text) > max_reference_length) {
        return make_error("reference-invalid", "reference", "the reference is longer than 200 characters");
    }
    return std::nullopt;
}

ContactFields check_contact_fields(const std::optional<std::string>& contact,
                                   const std::optional<std::string>& reference, Diagnostics& found) {
    ContactFields fields;
    if (contact) {
        fields.contact = std::string(trim_whitespace(*contact));
        if (auto error = check_contact(*fields.contact)) {
            found.push_back(std::move(*error));
        }
    }
    if (reference) {
        fields.reference = std::string(trim_whitespace(*reference));
        if (auto error = check_reference(*reference)) {
            found.push_back(std::move(*error));
        }
    }
    return fields;
}

} // namespace backup_request
