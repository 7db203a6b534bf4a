// Terminal columns per grapheme cluster, from Unicode's East_Asian_Width (generated table).
#include "backup_request/text/display_width.hpp"

#include "backup_request/text/grapheme_clusters.hpp"
#include "backup_request/text/utf8_text.hpp"

#include <algorithm>
#include <iterator>

namespace backup_request {
namespace {

struct WideRange {
    char32_t first;
    char32_t last;
};

#include "east_asian_wide_table.inc"

bool is_wide(char32_t code_point) {
    const auto* found =
        std::upper_bound(std::begin(wide_ranges), std::end(wide_ranges), code_point,
                         [](char32_t value, const WideRange& range) { return value < range.first; });
    return found != std::begin(wide_ranges) && code_point <= std::prev(found)->last;
}

std::size_t cluster_width(std::string_view text, std::size_t offset) {
    const auto first = utf8_sequence_at(text, offset);
    return first.length != 0 && is_wide(first.code_point) ? 2 : 1;
}

} // namespace

std::size_t display_width(std::string_view text) {
    // Printable ASCII (ids, times, host names: nearly every cell of a table) is one column a byte.
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; })) {
        return text.size();
    }
    std::size_t width = 0;
    for (std::size_t offset = 0; offset < text.size(); offset = next_grapheme_boundary(text, offset)) {
        width += cluster_width(text, offset);
    }
    return width;
}

std::string cut_to_width(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) {
        return std::string(text);
    }
    std::size_t used = 0;
    std::size_t offset = 0;
    while (offset < text.size()) {
        const std::size_t next = next_grapheme_boundary(text, offset);
        const std::size_t columns = cluster_width(text, offset);
        if (used + columns + 1 > width) { // room for the ellipsis
            break;
        }
        used += columns;
        offset = next;
    }
    return std::string(text.substr(0, offset)) + "\u2026";
}

} // namespace backup_request
