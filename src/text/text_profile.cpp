// The one classification pass over a free text: a table per byte value says what each byte is.
#include "backup_request/text/text_profile.hpp"

#include "backup_request/text/ascii_text.hpp"

#include <algorithm>

namespace backup_request {
namespace {

struct ByteClass {
    char lower = 0;
    std::uint8_t alnum_bin = 36; // 36: not a letter or digit
    bool printable = false;
};

constexpr std::array<ByteClass, 256> byte_classes = [] {
    std::array<ByteClass, 256> classes{};
    for (int value = 0; value < 256; ++value) {
        const char c = static_cast<char>(value);
        ByteClass& entry = classes[static_cast<std::size_t>(value)];
        entry.lower = lower_ascii(c);
        entry.printable = (value >= ' ' && value <= '~') || c == '\n' || c == '\t';
        if (value >= '0' && value <= '9') {
            entry.alnum_bin = static_cast<std::uint8_t>(value - '0');
        } else if (entry.lower >= 'a' && entry.lower <= 'z') {
            entry.alnum_bin = static_cast<std::uint8_t>(10 + entry.lower - 'a');
        }
    }
    return classes;
}();

} // namespace

void profile_text(std::string_view text, TextProfile& profile) {
    profile.present.fill(false);
    std::array<std::uint32_t, 37> counts{}; // the last bin takes every other byte
    unsigned printable = 1;                 // and-ed without a branch
    profile.lower.resize(text.size());
    char* lower = profile.lower.data();
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const ByteClass& entry = byte_classes[byte];
        profile.present[byte] = true;
        lower[i] = entry.lower;
        ++counts[entry.alnum_bin];
        printable &= static_cast<unsigned>(entry.printable);
    }
    std::copy_n(counts.begin(), profile.alnum_counts.size(), profile.alnum_counts.begin());
    profile.printable_ascii = printable != 0;
}

} // namespace backup_request
