// A deliberately plain e-mail check: one @, a local part without spaces, a dotted domain of host-name labels.
#include "backup_request/rules/contact_address.hpp"

#include "backup_request/text/ascii_text.hpp"
#include "backup_request/text/utf8_text.hpp"

#include <algorithm>
#include <cctype>

namespace backup_request {

std::optional<Diagnostic> check_contact(std::string_view text) {
    const auto invalid = [&] {
        return make_error("contact-invalid", "contact",
                          "the contact must be an e-mail address like ops@acme.example, not '" +
                              (find_invalid_utf8(text) || find_control_character(text)
                                   ? std::string("(unprintable)")
                                   : std::string(text)) +
                              "'");
    };
    const std::size_t at = text.find('@');
    if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) {
        return invalid();
    }
    const std::string_view local = text.substr(0, at);
    const std::string_view domain = text.substr(at + 1);
    const auto printable = [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u > 0x20 && u < 0x7F && c != '<' && c != '>' && c != '(' && c != ')' && c != ',' && c != ';' &&
               c != '"';
    };
    if (!std::all_of(local.begin(), local.end(), printable)) {
        return invalid();
    }
    const std::size_t dot = domain.rfind('.');
    if (domain.empty() || dot == std::string_view::npos || dot == 0 || dot + 1 == domain.size() ||
        domain.find("..") != std::string_view::npos || domain.front() == '-' || domain.back() == '-') {
        return invalid();
    }
    if (!std::all_of(domain.begin(), domain.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.';
        })) {
        return invalid();
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
