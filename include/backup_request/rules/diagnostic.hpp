// Diagnostics: the mistakes a user can make, as values with a stable code and the field they concern.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace backup_request {

enum class Severity { error, warning };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;    // stable, documented in docs/diagnostics.md
    std::string field;   // "point_in_time", "environments[1]", "retention.days"; empty for the whole request
    std::string message; // one sentence for a human: what is wrong and how to fix it
    std::string pointer; // the field as a JSON Pointer (RFC 6901): "/environments/1"

    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

using Diagnostics = std::vector<Diagnostic>;

[[nodiscard]] Diagnostic make_error(std::string code, std::string field, std::string message);
[[nodiscard]] Diagnostic make_warning(std::string code, std::string field, std::string message);
// For fields whose names are not ours (unknown keys in a draft), where the pointer needs its own escaping.
[[nodiscard]] Diagnostic make_error_at(std::string code, std::string field, std::string pointer,
                                       std::string message);

[[nodiscard]] std::string_view severity_name(Severity severity);
[[nodiscard]] bool has_errors(const Diagnostics& diagnostics);
[[nodiscard]] std::size_t count(const Diagnostics& diagnostics, Severity severity);

// "environments[1]" -> "/environments/1", "retention.days" -> "/retention/days", "" -> "".
[[nodiscard]] std::string field_to_json_pointer(std::string_view field);

// Appends `from` to `into`, keeping order.
void append_diagnostics(Diagnostics& into, const Diagnostics& from);
void append_diagnostics(Diagnostics& into, Diagnostics&& from); // moves them: no copy of their strings

} // namespace backup_request
