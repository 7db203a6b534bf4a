// A UTF-8 decoder strict enough to keep invalid text away from the JSON writer, which would throw on it.
#include "backup_request/text/utf8_text.hpp"

#include <array>
#include <cstdio>

namespace backup_request {
namespace {

struct Decoded {
    char32_t code_point;
    std::size_t length; // 0 when invalid
};

Decoded decode_at(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        return {lead, 1};
    }
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((lead & 0xE0U) == 0xC0U) {
        length = 2;
        cp = lead & 0x1FU;
        min = 0x80;
    } else if ((lead & 0xF0U) == 0xE0U) {
        length = 3;
        cp = lead & 0x0FU;
        min = 0x800;
    } else if ((lead & 0xF8U) == 0xF0U) {
        length = 4;
        cp = lead & 0x07U;
        min = 0x10000;
    } else {
        return {0, 0};
    }
    if (text.size() - i < length) {
        return {0, 0};
    }
    for (std::size_t k = 1; k < length; ++k) {
        const unsigned char next = byte(i + k);
        if ((next & 0xC0U) != 0x80U) {
            return {0, 0};
        }
        cp = (cp << 6U) | (next & 0x3FU);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return {0, 0};
    }
    return {cp, length};
}

} // namespace

Utf8Sequence utf8_sequence_at(std::string_view text, std::size_t offset) {
    const Decoded d = decode_at(text, offset);
    return {d.code_point, d.length};
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const Decoded d = decode_at(text, i);
        if (d.length == 0) {
            return i;
        }
        i += d.length;
    }
    return std::nullopt;
}

std::size_t count_code_points(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
            ++count;
        }
    }
    return count;
}

std::optional<ControlCharacter> find_control_character(std::string_view text, std::string_view allowed) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte < 0x7F) { // printable ASCII: most of any text, decided without decoding
            ++i;
            continue;
        }
        const Decoded d = decode_at(text, i);
        const std::size_t step = d.length == 0 ? 1 : d.length;
        const char32_t cp = d.code_point;
        const bool control = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
        if (d.length != 0 && control &&
            (cp >= 0x80 || allowed.find(static_cast<char>(cp)) == std::string_view::npos)) {
            return ControlCharacter{i, cp};
        }
        i += step;
    }
    return std::nullopt;
}

std::string valid_utf8_text(std::string text) {
    auto invalid = find_invalid_utf8(text);
    if (!invalid) {
        return text;
    }
    std::string out = text.substr(0, *invalid);
    for (std::size_t i = *invalid; i < text.size();) {
        const std::size_t length = decode_at(text, i).length;
        if (length == 0) {
            std::array<char, 8> buffer{};
            std::snprintf(buffer.data(), buffer.size(), "\\x%02x", static_cast<unsigned char>(text[i]));
            out += buffer.data();
            ++i;
        } else {
            out.append(text, i, length);
            i += length;
        }
    }
    return out;
}

std::string code_point_name(char32_t code_point) {
    std::array<char, 16> buffer{};
    const int n = std::snprintf(buffer.data(), buffer.size(), "U+%04X", static_cast<unsigned>(code_point));
    return {buffer.data(), static_cast<std::size_t>(n)};
}

} // namespace backup_request
