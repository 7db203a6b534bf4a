// Access extensions: the restored database is open for 1 week from delivery, extendable on justification.
#pragma once

#include "backup_request/rules/diagnostic.hpp"
#include "backup_request/time/retention_window.hpp"
#include "backup_request/time/utc_time.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace backup_request {

inline constexpr int max_extension_days = 7;

struct ExtensionInput {
    std::optional<std::string> case_id;      // the vendor's support case
    std::optional<std::string> delivered_at; // when access was handed over (access lasts 7 days from then)
    std::optional<std::string> access_expires_at; // or the current expiry, when access was extended before
    std::optional<std::int64_t> days;             // extra days wanted, 1 to 7
    std::optional<std::string> justification;
    std::optional<std::string> contact;
    std::optional<std::string> reference;
    std::optional<std::string> time_zone;
    bool allow_secrets = false;
};

struct ExtensionRequest {
    sys_seconds created_at;
    std::string case_id;
    std::optional<sys_seconds> delivered_at;
    sys_seconds access_expires_at;
    int days = 0;
    std::string justification;
    std::optional<std::string> contact;
    std::optional<std::string> reference;
    Diagnostics warnings;
};

// The vendor's case id rule (case-invalid): plain text of 1 to 100 characters, no control characters.
inline constexpr std::size_t max_case_id_length = 100;
[[nodiscard]] bool is_valid_case_id(std::string_view id);

// access_expires_at + days: until when access is asked for.
[[nodiscard]] sys_seconds requested_expires_at(const ExtensionRequest& request);

struct ExtensionEvaluation {
    Diagnostics diagnostics;
    std::optional<ExtensionRequest> request; // set when there are no errors
};

[[nodiscard]] ExtensionEvaluation evaluate_extension(const ExtensionInput& input, sys_seconds now);

} // namespace backup_request
