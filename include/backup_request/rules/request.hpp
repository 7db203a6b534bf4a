// The request as the user gave it (text, unchecked) and as the rules accept it (normalized, typed).
#pragma once

#include "backup_request/rules/diagnostic.hpp"
#include "backup_request/time/retention_window.hpp"
#include "backup_request/time/utc_time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace backup_request {

// The vendor opens the restored database for one week from delivery.
inline constexpr int standard_access_days = 7;

struct RequestInput {
    std::optional<std::string> point_in_time; // as typed: "2026-11-20T14:30:00Z", "now-2h", ...
    std::optional<std::string> time_zone;  // IANA name: point_in_time without an offset is local time there
    std::vector<std::string> environments; // host names or URLs
    std::optional<std::string> justification;
    std::optional<std::string> contact;
    std::optional<std::string> reference;
    std::int64_t retention_days = default_retention_days; // wide, because drafts can hold any integer
    bool example = false;
    bool allow_secrets = false; // --allow-secrets: a false positive of the secret scan
};

// How a local point in time was typed, so the vendor and the customer can check the conversion.
struct EnteredAs {
    std::string local;     // "2026-11-20T09:30:00"
    std::string time_zone; // "America/New_York"
};

struct Request {
    sys_seconds created_at;
    sys_seconds point_in_time;
    std::optional<EnteredAs> entered_as;
    int retention_days = default_retention_days;
    std::vector<std::string> environments; // normalized host names
    std::string justification;             // trimmed
    std::optional<std::string> contact;
    std::optional<std::string> reference;
    bool example = false;
    Diagnostics warnings;
};

} // namespace backup_request
