// Extension drafts: a JSON object with request_type "access-extension", read into an ExtensionInput and
// judged.
#pragma once

#include "backup_request/rules/extension_request.hpp"

#include <nlohmann/json.hpp>

namespace backup_request {

inline constexpr std::string_view extension_request_type = "access-extension";

struct ExtensionDraftReading {
    ExtensionInput input;
    Diagnostics diagnostics;
};

[[nodiscard]] ExtensionDraftReading read_extension_draft(const nlohmann::json& document);

// read_extension_draft, then the extension rules: the path that extend, extend --from and validate share.
[[nodiscard]] ExtensionEvaluation
evaluate_extension_draft(const nlohmann::json& document, sys_seconds now, bool allow_secrets = false,
                         const std::vector<std::string>& duplicate_keys = {});

// The extension payload: stable keys in a fixed order (docs/payload.md).
[[nodiscard]] nlohmann::ordered_json to_extension_payload(const ExtensionRequest& request);

} // namespace backup_request
