// libFuzzer target: environment address normalization. An accepted host is plain, lower-case, and normalizes
// to itself; the shortcut for usual addresses and the full checks agree on every text.
#include "backup_request/rules/environment_address.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace backup_request;
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto result = normalize_environment_address(text);
    const auto in_full = normalize_environment_address_in_full(text);
    if (result.index() != in_full.index() ||
        (result.index() == 0
             ? std::get<std::string>(result) != std::get<std::string>(in_full)
             : std::get<AddressError>(result).message != std::get<AddressError>(in_full).message)) {
        __builtin_trap();
    }
    const auto* host = std::get_if<std::string>(&result);
    if (host == nullptr) {
        return 0;
    }
    for (const char c : *host) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
        if (!allowed) {
            __builtin_trap();
        }
    }
    const auto again = normalize_environment_address(*host);
    if (host->size() > 253 || !std::holds_alternative<std::string>(again) ||
        std::get<std::string>(again) != *host) {
        __builtin_trap();
    }
    return 0;
}
