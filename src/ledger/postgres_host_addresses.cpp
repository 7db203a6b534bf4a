// Host names turned into libpq's hostaddr list, for builds that look names up themselves.
#include "backup_request/ledger/postgres_host_addresses.hpp"

#include "backup_request/text/ascii_text.hpp"

#include <algorithm>
#include <vector>

namespace backup_request {
namespace {

std::vector<std::string_view> comma_separated(std::string_view list) {
    std::vector<std::string_view> parts;
    for (;;) {
        const auto comma = list.find(',');
        parts.push_back(list.substr(0, comma));
        if (comma == std::string_view::npos) {
            return parts;
        }
        list.remove_prefix(comma + 1);
    }
}

bool is_ipv4_address(std::string_view text) {
    int parts = 0;
    for (;;) {
        const auto dot = text.find('.');
        const auto part = text.substr(0, dot);
        if (part.empty() || part.size() > 3 || !std::all_of(part.begin(), part.end(), is_ascii_digit) ||
            std::stoi(std::string(part)) > 255) {
            return false;
        }
        ++parts;
        if (dot == std::string_view::npos) {
            return parts == 4;
        }
        text.remove_prefix(dot + 1);
    }
}

bool is_ipv6_address(std::string_view text) {
    // Hex digits and colons, at least two colons; an IPv4 tail ("::ffff:1.2.3.4") and a zone ("%eth0")
    // allowed.
    const auto zone = text.find('%');
    text = text.substr(0, zone);
    if (std::count(text.begin(), text.end(), ':') < 2) {
        return false;
    }
    const auto last_colon = text.rfind(':');
    const auto tail = text.substr(last_colon + 1);
    const auto head = tail.find('.') != std::string_view::npos ? text.substr(0, last_colon + 1) : text;
    if (tail.find('.') != std::string_view::npos && !is_ipv4_address(tail)) {
        return false;
    }
    return std::all_of(head.begin(), head.end(), [](char c) { return c == ':' || is_ascii_hex_digit(c); });
}

} // namespace

bool is_numeric_host_address(std::string_view text) {
    return is_ipv4_address(text) || is_ipv6_address(text);
}

std::variant<std::string, std::string> postgres_host_addresses(std::string_view hosts,
                                                               const HostAddressLookup& lookup) {
    std::string addresses;
    bool any_name = false;
    bool first = true;
    for (const auto host : comma_separated(hosts)) {
        if (!first) {
            addresses += ',';
        }
        first = false;
        // libpq reads a host beginning with / (or @, Linux's abstract namespace) as a socket folder.
        if (host.empty() || host.front() == '/' || host.front() == '@') {
            continue;
        }
        if (is_numeric_host_address(host)) {
            addresses += host;
            continue;
        }
        any_name = true;
        const auto found = lookup(std::string(host));
        if (!found.address) {
            return std::variant<std::string, std::string>(
                std::in_place_index<1>,
                "could not translate host name \"" + std::string(host) + "\" to address: " + found.reason);
        }
        addresses += *found.address;
    }
    return std::variant<std::string, std::string>(std::in_place_index<0>,
                                                  any_name ? addresses : std::string());
}

} // namespace backup_request
