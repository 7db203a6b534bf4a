// Environment addresses: a host name or URL in, the bare lower-case host name out, or why not.
#pragma once

#include "backup_request/rules/diagnostic.hpp"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace backup_request {

inline constexpr std::size_t max_environments = 50;

struct AddressError {
    std::string code; // env-invalid, env-port, env-ip-literal, env-single-label, env-non-ascii, ...
    std::string message;
};

using AddressResult = std::variant<std::string, AddressError>;

// "https://ACME-prd.example.com./ServiceCenter/" -> "acme-prd.example.com"
[[nodiscard]] AddressResult normalize_environment_address(std::string_view original);

// Every check, for any text. normalize_environment_address decides the usual address (a plain host name,
// bare or in an http(s) URL) in fewer passes and must agree with this one on every text: the unit tests and
// fuzz/environment_address_fuzzer.cpp compare them.
[[nodiscard]] AddressResult normalize_environment_address_in_full(std::string_view original);

struct EnvironmentCheck {
    std::vector<std::string> hosts; // normalized, duplicates removed, in the order given
    Diagnostics diagnostics;        // fields "environments[i]" with i the index as given
};

[[nodiscard]] EnvironmentCheck check_environments(const std::vector<std::string>& addresses);

} // namespace backup_request
