// Shared by the readers of both draft kinds: typed field access that reports, instead of throwing.
#pragma once

#include "backup_request/rules/diagnostic.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backup_request {

// "an object", "a string", "an integer", ...
[[nodiscard]] std::string type_name(const nlohmann::json& value);

// RFC 6901: '~' -> "~0", '/' -> "~1".
[[nodiscard]] std::string escape_pointer_token(std::string_view key);

[[nodiscard]] Diagnostic wrong_type(const std::string& field, const std::string& expected,
                                    const nlohmann::json& value);

// Every key of `object` not in `known` is an error at parent.key, with "did you mean" or else `hint`.
void check_unknown_keys(const nlohmann::json& object, const std::vector<std::string>& known,
                        const std::string& parent, Diagnostics& found, std::string_view hint);

// The string at `key`; absent or null gives none, another type an error.
[[nodiscard]] std::optional<std::string> string_field(const nlohmann::json& draft, const std::string& key,
                                                      Diagnostics& found);

// The integer at `key` (clamped to int64); absent or null gives none, another type an error at `field`.
[[nodiscard]] std::optional<std::int64_t> integer_field(const nlohmann::json& draft, const std::string& key,
                                                        const std::string& field, Diagnostics& found);

// The draft's own diagnostics, then the rules' ones for fields the draft diagnostics do not already cover (a
// field with the wrong type was read as absent; its type error says more than "missing" would).
[[nodiscard]] Diagnostics merge_draft_diagnostics(const Diagnostics& draft, Diagnostics rules);

// Puts the draft's own diagnostics in front of an evaluation's, and keeps its request only when there is no
// error at all; the request's warnings are then every warning of both.
template <class EvaluationType>
void merge_into_evaluation(const Diagnostics& draft, EvaluationType& evaluation) {
    evaluation.diagnostics = merge_draft_diagnostics(draft, std::move(evaluation.diagnostics));
    if (has_errors(evaluation.diagnostics)) {
        evaluation.request.reset();
    } else if (evaluation.request) {
        evaluation.request->warnings = evaluation.diagnostics;
    }
}

} // namespace backup_request
