// The business justification: the vendor declines cases on a weak one, so it is checked before it is sent.
#pragma once

#include "backup_request/rules/diagnostic.hpp"
#include "backup_request/text/text_profile.hpp"

#include <string>
#include <string_view>

namespace backup_request {

inline constexpr std::size_t min_justification_length = 30;
inline constexpr std::size_t max_justification_length = 4000;
inline constexpr std::size_t weak_justification_length = 100;

// The justification `backup-request template` prints; filing it unchanged is a placeholder error.
inline constexpr std::string_view template_justification =
    "Replace this text: what happened and when (UTC), the business impact, and which data you need from the "
    "backup.";

struct JustificationCheck {
    std::string text; // trimmed, CRLF turned into LF
    Diagnostics diagnostics;
};

[[nodiscard]] JustificationCheck check_justification(std::string_view raw);
// The same, reading the classification pass already made over `raw` (profile_text).
[[nodiscard]] JustificationCheck check_justification(std::string_view raw, const TextProfile& profile);

} // namespace backup_request
