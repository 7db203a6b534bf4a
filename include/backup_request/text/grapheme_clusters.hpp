// What a reader sees as one character: extended grapheme clusters (Unicode's UAX #29), so that a text is
// never cut inside a flag, an emoji family, or a letter and its accents.
#pragma once

#include <cstddef>
#include <string_view>

namespace backup_request {

// The byte offset where the grapheme cluster that starts at `offset` ends (the next boundary); text.size()
// at the end. Invalid UTF-8 bytes are clusters of their own.
[[nodiscard]] std::size_t next_grapheme_boundary(std::string_view text, std::size_t offset);

// How a tracker counts the length of a title.
enum class LengthUnit {
    code_points, // Ruby, Python, PostgreSQL: GitHub, GitLab, Redmine, Zendesk
    utf16_units, // Java's String.length(): Jira, ServiceNow (a character beyond U+FFFF counts 2)
};

// The length of `text` in `unit`.
[[nodiscard]] std::size_t text_length(std::string_view text, LengthUnit unit);

} // namespace backup_request
