// The addresses libpq should connect to, worked out before it connects: for a build whose C library cannot
// look names up (the static file has no NSS modules), each host name of the connection becomes an address in
// libpq's `hostaddr` list while `host` stays, so TLS's verify-full and ~/.pgpass still see the name. Pure:
// the lookup is a parameter.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace backup_request {

// A name's address as text ("127.0.0.1", "::1"), or why there is none (one line).
struct LookedUpAddress {
    std::optional<std::string> address;
    std::string reason; // when there is no address
};
using HostAddressLookup = std::function<LookedUpAddress(const std::string& name)>;

// `hosts`: libpq's host list (comma-separated; from the URL or PGHOST). Socket folders ("/run/postgresql",
// "@abstract") and empty entries keep an empty place in the list; numeric addresses stand for themselves.
// Returns the hostaddr list, or the reason a name could not be found in libpq's own words ("could not
// translate host name "db.example" to address: ..."). An empty list when no entry is a name (nothing to add).
[[nodiscard]] std::variant<std::string, std::string> postgres_host_addresses(std::string_view hosts,
                                                                             const HostAddressLookup& lookup);

// Whether `text` is an IPv4 or IPv6 address written out (not a name).
[[nodiscard]] bool is_numeric_host_address(std::string_view text);

} // namespace backup_request
