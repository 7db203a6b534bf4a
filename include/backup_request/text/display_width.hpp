// How many terminal columns text takes: what a table pads by, so columns line up under wide characters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace backup_request {

// Columns `text` (valid UTF-8, no control characters) takes on a terminal: each grapheme cluster is one
// column, or two when it starts with an East Asian wide or fullwidth character (UAX #11: CJK, Hangul, most
// emoji).
[[nodiscard]] std::size_t display_width(std::string_view text);

// `text` cut to at most `width` columns at a cluster boundary, ending in "…" when cut (width >= 1).
[[nodiscard]] std::string cut_to_width(std::string_view text, std::size_t width);

} // namespace backup_request
