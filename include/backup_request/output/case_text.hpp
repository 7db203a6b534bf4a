// Ready-to-paste case bodies for the vendor's support form, as plain text or Markdown.
#pragma once

#include "backup_request/rules/extension_request.hpp"
#include "backup_request/rules/request.hpp"

#include <string>

namespace backup_request {

enum class TextStyle { plain, markdown };

// The items in the order the vendor asks for them (point in time in UTC, environment addresses, business
// justification), then the computed window facts. User text has control characters made visible.
[[nodiscard]] std::string case_text(const Request& request, TextStyle style);

// The support case, the current expiry, the days asked for and until when, then the justification.
[[nodiscard]] std::string extension_case_text(const ExtensionRequest& request, TextStyle style);

} // namespace backup_request
