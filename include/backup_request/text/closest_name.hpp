// "Did you mean ...?": the known name closest to a mistyped one, by edit distance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backup_request {

// Levenshtein distance with adjacent transpositions counted as one edit.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate within a third of the typed name's length (at least 1, at most 3 edits), if any.
[[nodiscard]] std::optional<std::string> closest_name(std::string_view typed,
                                                      const std::vector<std::string>& candidates);

} // namespace backup_request
