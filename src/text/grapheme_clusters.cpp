// Extended grapheme cluster boundaries by UAX #29's rules (Unicode 15.0, as Debian 12 ships its data), over
// tables generated from Unicode's own property files (scripts/generate-grapheme-table.py).
#include "backup_request/text/grapheme_clusters.hpp"

#include "backup_request/text/utf8_text.hpp"

#include <algorithm>
#include <iterator>

namespace backup_request {
namespace {

enum class BreakProperty : unsigned char {
    other,
    cr,
    lf,
    control,
    extend,
    zwj,
    regional_indicator,
    prepend,
    spacing_mark,
    l,
    v,
    t,
    lv,
    lvt,
};

struct BreakRange {
    char32_t first;
    char32_t last;
    BreakProperty property;
};

struct CodePointRange {
    char32_t first;
    char32_t last;
};

#include "grapheme_break_table.inc"

BreakProperty property_of(char32_t cp) {
    const auto* found =
        std::upper_bound(std::begin(break_ranges), std::end(break_ranges), cp,
                         [](char32_t value, const BreakRange& range) { return value < range.first; });
    if (found == std::begin(break_ranges)) {
        return BreakProperty::other;
    }
    --found;
    return cp <= found->last ? found->property : BreakProperty::other;
}

bool is_pictographic(char32_t cp) {
    const auto* found =
        std::upper_bound(std::begin(pictographic_ranges), std::end(pictographic_ranges), cp,
                         [](char32_t value, const CodePointRange& range) { return value < range.first; });
    return found != std::begin(pictographic_ranges) && cp <= std::prev(found)->last;
}

struct CodePoint {
    char32_t value;
    std::size_t length; // bytes; an invalid byte is a length-1 "code point" of property control
    bool valid;
};

CodePoint code_point_at(std::string_view text, std::size_t offset) {
    const Utf8Sequence sequence = utf8_sequence_at(text, offset);
    if (sequence.length == 0) {
        return {0, 1, false};
    }
    return {sequence.code_point, sequence.length, true};
}

bool is_control(BreakProperty p) {
    return p == BreakProperty::control || p == BreakProperty::cr || p == BreakProperty::lf;
}

// Whether UAX #29 keeps two code points in one cluster (GB3 to GB13): `pictographic_join` when the cluster so
// far is an Extended_Pictographic, Extend* and ZWJ and the next is Extended_Pictographic (GB11);
// `regional_indicators` how many regional indicators end the cluster so far.
bool joined(BreakProperty before, BreakProperty after, bool pictographic_join,
            std::size_t regional_indicators) {
    using P = BreakProperty;
    if (before == P::cr && after == P::lf) {
        return true; // GB3
    }
    if (is_control(before) || is_control(after)) {
        return false; // GB4, GB5
    }
    const bool hangul =
        (before == P::l && (after == P::l || after == P::v || after == P::lv || after == P::lvt)) ||
        ((before == P::lv || before == P::v) && (after == P::v || after == P::t)) ||
        ((before == P::lvt || before == P::t) && after == P::t); // GB6, GB7, GB8
    const bool extending =
        after == P::extend || after == P::zwj || after == P::spacing_mark || before == P::prepend; // GB9-GB9b
    const bool pictographic = before == P::zwj && pictographic_join;                               // GB11
    const bool flag = before == P::regional_indicator && after == P::regional_indicator &&
                      regional_indicators % 2 == 1; // GB12, GB13
    return hangul || extending || pictographic || flag;
}

} // namespace

std::size_t next_grapheme_boundary(std::string_view text, std::size_t offset) {
    if (offset >= text.size()) {
        return text.size();
    }
    CodePoint current = code_point_at(text, offset);
    BreakProperty before = current.valid ? property_of(current.value) : BreakProperty::control;
    // GB11: an Extended_Pictographic, then Extend*, then ZWJ, joins the next Extended_Pictographic.
    bool pictographic_run = current.valid && is_pictographic(current.value);
    bool pictographic_zwj = false;
    // GB12/13: regional indicators pair up.
    std::size_t regional_indicators = before == BreakProperty::regional_indicator ? 1 : 0;
    std::size_t position = offset + current.length;
    while (position < text.size()) {
        const CodePoint next = code_point_at(text, position);
        const BreakProperty after = next.valid ? property_of(next.value) : BreakProperty::control;
        const bool next_pictographic = next.valid && is_pictographic(next.value);
        const bool join = joined(before, after, next_pictographic && pictographic_zwj, regional_indicators);
        if (!join) {
            break;
        }
        // What the rules ahead need to know about the cluster so far.
        if (next_pictographic) {
            pictographic_run = true;
            pictographic_zwj = false;
        } else if (after == BreakProperty::zwj) {
            pictographic_zwj = pictographic_run;
            pictographic_run = false;
        } else if (after != BreakProperty::extend) {
            pictographic_run = false;
            pictographic_zwj = false;
        }
        regional_indicators = after == BreakProperty::regional_indicator ? regional_indicators + 1 : 0;
        before = after;
        position += next.length;
    }
    return position;
}

std::size_t text_length(std::string_view text, LengthUnit unit) {
    std::size_t length = 0;
    for (std::size_t offset = 0; offset < text.size();) {
        const CodePoint cp = code_point_at(text, offset);
        length += unit == LengthUnit::utf16_units && cp.valid && cp.value > 0xFFFF ? 2 : 1;
        offset += cp.length;
    }
    return length;
}

} // namespace backup_request
