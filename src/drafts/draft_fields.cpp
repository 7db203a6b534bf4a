// Reading typed fields out of a draft, with wrong types and unknown keys reported as diagnostics.
#include "draft_fields.hpp"

#include "backup_request/text/closest_name.hpp"

#include <algorithm>
#include <limits>

namespace backup_request {

using json = nlohmann::json;

std::string type_name(const json& value) {
    switch (value.type()) {
    case json::value_t::object:
        return "an object";
    case json::value_t::array:
        return "an array";
    case json::value_t::string:
        return "a string";
    case json::value_t::boolean:
        return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return "an integer";
    case json::value_t::number_float:
        return "a number";
    default:
        return "null";
    }
}

std::string escape_pointer_token(std::string_view key) {
    std::string token;
    for (const char c : key) {
        if (c == '~') {
            token += "~0";
        } else if (c == '/') {
            token += "~1";
        } else {
            token += c;
        }
    }
    return token;
}

Diagnostic wrong_type(const std::string& field, const std::string& expected, const json& value) {
    return make_error("draft-wrong-type", field,
                      field + " must be " + expected + ", not " + type_name(value));
}

void check_unknown_keys(const json& object, const std::vector<std::string>& known, const std::string& parent,
                        Diagnostics& found, std::string_view hint) {
    for (const auto& [key, value] : object.items()) {
        if (std::find(known.begin(), known.end(), key) != known.end()) {
            continue;
        }
        const std::string field = parent.empty() ? key : parent + "." + key;
        const std::string pointer = field_to_json_pointer(parent) + "/" + escape_pointer_token(key);
        std::string message = "unknown field '" + field + "'";
        if (const auto suggestion = closest_name(key, known)) {
            message +=
                " (did you mean '" + (parent.empty() ? *suggestion : parent + "." + *suggestion) + "'?)";
        } else {
            message += ": " + std::string(hint);
        }
        found.push_back(make_error_at("draft-unknown-field", field, pointer, std::move(message)));
    }
}

// Null counts as absent, as scripts often write it for "not given".
std::optional<std::string> string_field(const json& draft, const std::string& key, Diagnostics& found) {
    const auto it = draft.find(key);
    if (it == draft.end() || it->is_null()) {
        return std::nullopt;
    }
    if (!it->is_string()) {
        found.push_back(wrong_type(key, "a string", *it));
        return std::nullopt;
    }
    return it->get<std::string>();
}

std::optional<std::int64_t> integer_field(const json& draft, const std::string& key, const std::string& field,
                                          Diagnostics& found) {
    const auto it = draft.find(key);
    if (it == draft.end() || it->is_null()) {
        return std::nullopt;
    }
    if (it->is_number_unsigned()) {
        return static_cast<std::int64_t>(
            std::min<std::uint64_t>(it->get<std::uint64_t>(), std::numeric_limits<std::int64_t>::max()));
    }
    if (it->is_number_integer()) {
        return it->get<std::int64_t>();
    }
    found.push_back(wrong_type(field, "an integer", *it));
    return std::nullopt;
}

Diagnostics merge_draft_diagnostics(const Diagnostics& draft, Diagnostics rules) {
    Diagnostics merged = draft;
    for (auto& diagnostic : rules) {
        const bool covered = std::any_of(
            draft.begin(), draft.end(), [&](const Diagnostic& d) { return d.pointer == diagnostic.pointer; });
        if (!covered) {
            merged.push_back(std::move(diagnostic));
        }
    }
    return merged;
}

} // namespace backup_request
