// The optional contact e-mail address and the customer's own reference.
#pragma once

#include "backup_request/rules/diagnostic.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace backup_request {

inline constexpr std::size_t max_reference_length = 200;

// An error when `text` does not look like name@domain.tld.
[[nodiscard]] std::optional<Diagnostic> check_contact(std::string_view text);

// An error when the reference is empty, too long, not UTF-8, or holds control characters.
[[nodiscard]] std::optional<Diagnostic> check_reference(std::string_view text);

struct ContactFields {
    std::optional<std::string> contact;   // trimmed
    std::optional<std::string> reference; // trimmed
};

// Both optional fields of a request, checked; their errors appended to `found`.
[[nodiscard]] ContactFields check_contact_fields(const std::optional<std::string>& contact,
                                                 const std::optional<std::string>& reference,
                                                 Diagnostics& found);

} // namespace backup_request
