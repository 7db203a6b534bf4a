// Credentials have no place in a support case: the vendor hands credentials out, never the reverse.
#pragma once

#include "backup_request/rules/diagnostic.hpp"
#include "backup_request/text/text_profile.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace backup_request {

// What in `text` looks like a secret ("a password assignment", "a private key block", ...), if anything.
// A heuristic: `--allow-secrets` overrides it for a false positive.
[[nodiscard]] std::optional<std::string> find_secret(std::string_view text);
// The same, reading the classification pass already made over `text` (profile_text).
[[nodiscard]] std::optional<std::string> find_secret(std::string_view text, const TextProfile& profile);

// The secret-detected error for `field` when `text` looks like it holds a secret.
[[nodiscard]] std::optional<Diagnostic> secret_diagnostic(const std::string& field, std::string_view text);
[[nodiscard]] std::optional<Diagnostic> secret_diagnostic(const std::string& field, std::string_view text,
                                                          const TextProfile& profile);

} // namespace backup_request
