// Constructors and small queries over diagnostics.
#include "backup_request/rules/diagnostic.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

namespace backup_request {

Diagnostic make_error(std::string code, std::string field, std::string message) {
    std::string pointer = field_to_json_pointer(field);
    return {Severity::error, std::move(code), std::move(field), std::move(message), std::move(pointer)};
}

Diagnostic make_warning(std::string code, std::string field, std::string message) {
    std::string pointer = field_to_json_pointer(field);
    return {Severity::warning, std::move(code), std::move(field), std::move(message), std::move(pointer)};
}

Diagnostic make_error_at(std::string code, std::string field, std::string pointer, std::string message) {
    return {Severity::error, std::move(code), std::move(field), std::move(message), std::move(pointer)};
}

std::string_view severity_name(Severity severity) {
    return severity == Severity::error ? "error" : "warning";
}

bool has_errors(const Diagnostics& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::size_t count(const Diagnostics& diagnostics, Severity severity) {
    return static_cast<std::size_t>(std::count_if(
        diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) { return d.severity == severity; }));
}

std::string field_to_json_pointer(std::string_view field) {
    if (field.empty()) {
        return {};
    }
    std::string pointer = "/";
    for (const char c : field) {
        switch (c) {
        case '.':
        case '[':
            pointer += '/';
            break;
        case ']':
            break;
        case '~': // JSON Pointer escapes (RFC 6901); field names never hold them, but keep the output valid
            pointer += "~0";
            break;
        case '/':
            pointer += "~1";
            break;
        default:
            pointer += c;
        }
    }
    return pointer;
}

void append_diagnostics(Diagnostics& into, const Diagnostics& from) {
    into.insert(into.end(), from.begin(), from.end());
}

void append_diagnostics(Diagnostics& into, Diagnostics&& from) {
    if (into.empty()) {
        into = std::move(from);
        return;
    }
    into.insert(into.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

} // namespace backup_request
