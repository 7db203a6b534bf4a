// The one classification pass over a free text: a table per byte value says what each byte is.
#include "backup_request/text/text_profile.hpp"

#include "backup_request/text/ascii_text.hpp"

#include <algorithm>
#include <cstring>

namespace backup_request {
namespace {

struct ByteClass {
    std::uint8_t alnum_bin = 36; // 36: not a letter or digit
    bool printable = false;
};

constexpr std::array<ByteClass, 256> byte_classes = [] {
    std::array<ByteClass, 256> classes{};
    for (int value = 0; value < 256; ++value) {
        const char c = static_cast<char>(value);
        ByteClass& entry = classes[static_cast<std::size_t>(value)];
        entry.printable = (value >= ' ' && value <= '~') || c == '\n' || c == '\t';
        if (value >= '0' && value <= '9') {
            entry.alnum_bin = static_cast<std::uint8_t>(value - '0');
        } else if (const char lower = lower_ascii(c); lower >= 'a' && lower <= 'z') {
            entry.alnum_bin = static_cast<std::uint8_t>(10 + lower - 'a');
        }
    }
    return classes;
}();

// ASCII upper-case letters of eight bytes lowered at once (bytes with the high bit stay as they are).
std::uint64_t lower_word(std::uint64_t word) {
    constexpr std::uint64_t ones = 0x0101010101010101U;
    constexpr std::uint64_t highs = 0x8080808080808080U;
    const std::uint64_t low_bits = word & ~highs;
    const std::uint64_t at_least_a = low_bits + ones * (0x80U - 'A');
    const std::uint64_t past_z = low_bits + ones * (0x80U - 'Z' - 1);
    const std::uint64_t upper = at_least_a & ~past_z & ~word & highs;
    return word | (upper >> 2U); // 0x80 >> 2 is 0x20, the case bit
}

} // namespace

void profile_text(std::string_view text, TextProfile& profile) {
    profile.present.fill(false);
    std::array<std::uint32_t, 37> counts{}; // the last bin takes every other byte
    unsigned printable = 1;                 // and-ed without a branch
    profile.lower.resize(text.size());
    char* lower = profile.lower.data();
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, 8);
        word = lower_word(word);
        std::memcpy(lower + i, &word, 8);
    }
    for (; i < text.size(); ++i) {
        lower[i] = lower_ascii(text[i]);
    }
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const ByteClass& entry = byte_classes[byte];
        profile.present[byte] = true;
        ++counts[entry.alnum_bin];
        printable &= static_cast<unsigned>(entry.printable);
    }
    std::copy_n(counts.begin(), profile.alnum_counts.size(), profile.alnum_counts.begin());
    profile.printable_ascii = printable != 0;
}

} // namespace backup_request
