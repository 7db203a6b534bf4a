// Draft reading: the JSON shape checks (types, unknown keys with suggestions) before the request rules run.
#include "backup_request/draft.hpp"

#include "backup_request/closest_name.hpp"
#include "backup_request/justification.hpp"

#include <algorithm>
#include <limits>

namespace backup_request {
namespace {

using json = nlohmann::json;

const std::vector<std::string> top_level_fields = {
    "point_in_time",  "time_zone",    "environments", "justification", "contact",    "reference", "retention",
    "schema_version", "request_type", "example",      "created_at",    "entered_as", "access",    "warnings"};
const std::vector<std::string> retention_fields = {"days", "earliest_allowed", "expires_at"};
const std::vector<std::string> access_fields = {"standard_days"};

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
                        Diagnostics& found) {
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
            message += ": a draft holds only point_in_time, time_zone, environments, justification, contact, "
                       "reference and "
                       "retention.days";
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

std::vector<std::string> environments_field(const json& draft, Diagnostics& found) {
    std::vector<std::string> environments;
    const auto it = draft.find("environments");
    if (it == draft.end() || it->is_null()) {
        return environments;
    }
    if (!it->is_array()) {
        found.push_back(wrong_type("environments", "an array of host names", *it));
        return environments;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& item = (*it)[i];
        if (item.is_string()) {
            environments.push_back(item.get<std::string>());
        } else {
            found.push_back(wrong_type("environments[" + std::to_string(i) + "]", "a string", item));
            environments
                .emplace_back(); // keeps the indexes of the items after it; its own error is the one above
        }
    }
    return environments;
}

void retention_field(const json& draft, RequestInput& input, Diagnostics& found) {
    const auto it = draft.find("retention");
    if (it == draft.end() || it->is_null()) {
        return;
    }
    if (!it->is_object()) {
        found.push_back(wrong_type("retention", "an object", *it));
        return;
    }
    check_unknown_keys(*it, retention_fields, "retention", found);
    const auto days = it->find("days");
    if (days == it->end() || days->is_null()) {
        return;
    }
    if (days->is_number_unsigned()) {
        input.retention_days = static_cast<std::int64_t>(
            std::min<std::uint64_t>(days->get<std::uint64_t>(), std::numeric_limits<std::int64_t>::max()));
    } else if (days->is_number_integer()) {
        input.retention_days = days->get<std::int64_t>();
    } else {
        found.push_back(wrong_type("retention.days", "an integer", *days));
    }
}

void constant_fields(const json& draft, RequestInput& input, Diagnostics& found) {
    if (const auto it = draft.find("schema_version"); it != draft.end() && *it != 1) {
        found.push_back(
            make_error("draft-unsupported", "schema_version",
                       "schema_version " + it->dump() + " is not supported: this tool reads version 1"));
    }
    if (const auto it = draft.find("request_type"); it != draft.end() && *it != "database-backup-access") {
        found.push_back(
            make_error("draft-unsupported", "request_type",
                       "request_type " + it->dump() + " is not supported: use \"database-backup-access\""));
    }
    if (const auto it = draft.find("access"); it != draft.end() && it->is_object()) {
        check_unknown_keys(*it, access_fields, "access", found);
    }
    if (const auto it = draft.find("example"); it != draft.end() && *it == true) {
        input.example = true;
        found.push_back(make_warning("draft-example", "example",
                                     "this is the built-in example, not a real request: do not file it"));
    }
}

bool same_pointer(const Diagnostics& diagnostics, const std::string& pointer) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [&](const Diagnostic& d) { return d.pointer == pointer; });
}

} // namespace

DraftReading read_draft(const json& document) {
    DraftReading reading;
    Diagnostics& found = reading.diagnostics;
    if (!document.is_object()) {
        found.push_back(make_error("draft-not-object", "",
                                   "a draft must be a JSON object with point_in_time, environments and "
                                   "justification, not " +
                                       type_name(document)));
        return reading;
    }
    check_unknown_keys(document, top_level_fields, "", found);
    RequestInput& input = reading.input;
    input.point_in_time = string_field(document, "point_in_time", found);
    input.time_zone = string_field(document, "time_zone", found);
    input.environments = environments_field(document, found);
    input.justification = string_field(document, "justification", found);
    input.contact = string_field(document, "contact", found);
    input.reference = string_field(document, "reference", found);
    retention_field(document, input, found);
    constant_fields(document, input, found);
    return reading;
}

Evaluation evaluate_draft(const json& document, sys_seconds now) {
    DraftReading reading = read_draft(document);
    if (!document.is_object()) {
        return {std::move(reading.diagnostics), std::nullopt};
    }
    Evaluation evaluation = evaluate_request(reading.input, now);
    // A field with the wrong type was read as absent; its type error says more than "missing" would.
    Diagnostics merged = reading.diagnostics;
    for (auto& diagnostic : evaluation.diagnostics) {
        if (!same_pointer(reading.diagnostics, diagnostic.pointer)) {
            merged.push_back(std::move(diagnostic));
        }
    }
    evaluation.diagnostics = std::move(merged);
    if (has_errors(evaluation.diagnostics)) {
        evaluation.request.reset();
    } else if (evaluation.request) {
        evaluation.request->warnings = evaluation.diagnostics;
    }
    return evaluation;
}

nlohmann::ordered_json draft_template(sys_seconds now) {
    nlohmann::ordered_json draft;
    draft["point_in_time"] = format_utc_time(now - std::chrono::hours{2});
    draft["environments"] = {"acme-prd.outsystemsenterprise.com"};
    draft["justification"] = template_justification;
    draft["contact"] = "ops@acme.example";
    draft["reference"] = "INC-4711";
    draft["retention"] = {{"days", default_retention_days}};
    return draft;
}

} // namespace backup_request
