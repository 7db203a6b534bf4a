// Request ids from a 64-bit FNV-1a hash of the payload and the attempt, spelled in an unambiguous alphabet.
#include "backup_request/ledger/request_id.hpp"

#include <cstdint>

namespace backup_request {

std::string request_id(std::string_view payload, unsigned attempt) {
    // No 0/o, 1/l/i: an id is read off a terminal and typed again, sometimes over the phone.
    constexpr std::string_view alphabet = "23456789abcdefghjkmnpqrstuvwxyz";
    std::uint64_t hash = 14695981039346656037ULL;
    const auto mix = [&hash](unsigned char byte) {
        hash ^= byte;
        hash *= 1099511628211ULL;
    };
    for (const char c : payload) {
        mix(static_cast<unsigned char>(c));
    }
    for (int shift = 0; shift < 32; shift += 8) {
        mix(static_cast<unsigned char>((attempt >> static_cast<unsigned>(shift)) & 0xFFU));
    }
    std::string id;
    // The first character is a letter, so an id never reads as a number (or an option's value) in a shell.
    constexpr std::string_view letters = "abcdefghjkmnpqrstuvwxyz";
    id += letters[hash % letters.size()];
    hash /= letters.size();
    while (id.size() < request_id_length) {
        id += alphabet[hash % alphabet.size()];
        hash /= alphabet.size();
    }
    return id;
}

} // namespace backup_request
