// One pass over a free text that every check of it then reads: which bytes it holds, its letters and digits
// counted, whether it is plain printable ASCII, and an ASCII lower-cased copy. The secret scan and the
// justification's checks each made their own pass for these; a batch's drafts each have three texts.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace backup_request {

// Letters and digits, case folded: '0'..'9' are 0..9, 'a'..'z' (and 'A'..'Z') are 10..35.
using AlnumCounts = std::array<std::uint32_t, 36>;

struct TextProfile {
    std::array<bool, 256> present{}; // which byte values occur
    AlnumCounts alnum_counts{};
    bool printable_ascii = true; // only ' '..'~', new lines and tabs (is_printable_ascii_text)
    std::string lower;           // the text with ASCII letters lower-cased, every other byte as it was

    [[nodiscard]] bool has(char byte) const { return present[static_cast<unsigned char>(byte)]; }
};

// Fills `profile` for `text`, reusing the capacity of its lower-cased copy.
void profile_text(std::string_view text, TextProfile& profile);

} // namespace backup_request
