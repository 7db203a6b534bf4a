// The support-case payload: the accepted request as stable, documented JSON (docs/payload.md).
#pragma once

#include "backup_request/rules/request.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace backup_request {

inline constexpr std::string_view backup_request_type = "database-backup-access";

inline constexpr int payload_schema_version = 1;

// Keys in a fixed order, so payloads diff cleanly and read in the order the vendor asks.
[[nodiscard]] nlohmann::ordered_json to_payload(const Request& request);

// [{code, field, message}, ...] for a payload's "warnings".
[[nodiscard]] nlohmann::ordered_json warnings_json(const Diagnostics& warnings);

// Indented with 2 spaces, or one line; always ends with a newline.
[[nodiscard]] std::string serialize_payload(const nlohmann::ordered_json& payload, bool compact);

} // namespace backup_request
