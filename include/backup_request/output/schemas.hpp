// The published JSON Schemas (docs/schema/*.schema.json), compiled in at build time.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace backup_request {

inline constexpr std::array<std::string_view, 4> schema_names = {"payload", "draft", "report", "ledger"};

// The schema's text, or none for an unknown name.
[[nodiscard]] std::optional<std::string_view> schema_text(std::string_view name);

} // namespace backup_request
