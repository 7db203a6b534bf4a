// Credentials have no place in a support case: the vendor hands credentials out, never the reverse.
#pragma once

#include "backup_request/rules/diagnostic.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace backup_request {

// What in `text` looks like a secret ("a password assignment", "a private key block", ...), if anything.
// A heuristic: `--allow-secrets` overrides it for a false positive.
[[nodiscard]] std::optional<std::string> find_secret(std::string_view text);

// secret-detected errors for every present text field, unless `allow` (--allow-secrets).
void check_secrets(const std::vector<std::pair<std::string, const std::optional<std::string>*>>& fields,
                   bool allow, Diagnostics& found);

// The secret-detected error for `field` when `text` looks like it holds a secret.
[[nodiscard]] std::optional<Diagnostic> secret_diagnostic(const std::string& field, std::string_view text);

} // namespace backup_request
