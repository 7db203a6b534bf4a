// Reading an answer's headers, the same for every transport.
#include "backup_request/http/http_transport.hpp"

#include <algorithm>
#include <cctype>

namespace backup_request {

std::optional<std::string> header_value(const HttpAnswer& answer, std::string_view name) {
    const auto same = [name](const std::string& other) {
        return other.size() == name.size() &&
               std::equal(other.begin(), other.end(), name.begin(), [](char a, char b) {
                   return std::tolower(static_cast<unsigned char>(a)) ==
                          std::tolower(static_cast<unsigned char>(b));
               });
    };
    for (const auto& header : answer.headers) {
        if (same(header.name)) {
            return header.value;
        }
    }
    return std::nullopt;
}

} // namespace backup_request
