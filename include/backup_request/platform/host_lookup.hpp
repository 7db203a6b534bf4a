// Looking a host name up without the C library, where the C library cannot: the fully static Linux file has
// no NSS modules (glibc loads them at run time for getaddrinfo), so it asks c-ares, which reads /etc/hosts
// and /etc/resolv.conf itself. Elsewhere the system does it, inside the library that connects.
#pragma once

#include "backup_request/ledger/postgres_host_addresses.hpp"

namespace backup_request::platform {

// Whether this build looks host names up itself (and must not ask the C library for them, or for the user's
// name: the same NSS is behind getpwuid).
[[nodiscard]] bool looks_up_host_names();

// The name's first address (IPv4 or IPv6), or why there is none. Only where looks_up_host_names().
[[nodiscard]] LookedUpAddress look_up_host(const std::string& name);

} // namespace backup_request::platform
