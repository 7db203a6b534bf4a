// The free-text fields every request kind has: the justification, the contact and the reference, checked
// together with the secret scan over them (and over the kind's other text fields).
#pragma once

#include "backup_request/rules/contact_address.hpp"
#include "backup_request/rules/justification.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace backup_request {

struct RequestTextsInput {
    const std::optional<std::string>& justification;
    const std::optional<std::string>& contact;
    const std::optional<std::string>& reference;
    std::string_view missing_justification; // the message when there is none, in the kind's words
    // The kind's other text fields the secret scan covers ("case"), before the three above.
    std::vector<std::pair<std::string, const std::optional<std::string>*>> other_texts;
    bool allow_secrets = false;
};

struct RequestTexts {
    JustificationCheck justification;
    ContactFields contact;
};

// Checks the three fields and scans them for secrets, appending every problem to `found`.
[[nodiscard]] RequestTexts check_request_texts(const RequestTextsInput& input, Diagnostics& found);

} // namespace backup_request
