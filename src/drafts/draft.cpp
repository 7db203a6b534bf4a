// Draft reading: the JSON shape checks (types, unknown keys with suggestions) before the request rules run.
#include "backup_request/drafts/draft.hpp"

#include "backup_request/drafts/extension_draft.hpp"
#include "backup_request/drafts/request_kind.hpp"
#include "backup_request/rules/justification.hpp"
#include "draft_fields.hpp"

#include <algorithm>
#include <limits>

namespace backup_request {

using json = nlohmann::json;

namespace {

const std::vector<std::string> top_level_fields = {
    "point_in_time",  "time_zone",    "environments", "justification", "contact",    "reference", "retention",
    "schema_version", "request_type", "example",      "created_at",    "entered_as", "access",    "warnings"};
const std::vector<std::string> retention_fields = {"days", "earliest_allowed", "expires_at"};
const std::vector<std::string> access_fields = {"standard_days"};
bool is_extension_draft(const json& document) {
    return document.is_object() && document.value("request_type", json()) == extension_request_type;
}

constexpr const char* backup_fields_hint =
    "a draft holds only point_in_time, time_zone, environments, justification, contact, reference and "
    "retention.days";

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
    check_unknown_keys(*it, retention_fields, "retention", found, backup_fields_hint);
    if (const auto days = integer_field(*it, "days", "retention.days", found)) {
        input.retention_days = *days;
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
                       "request_type " + it->dump() +
                           " is not supported: use \"database-backup-access\" or \"access-extension\""));
    }
    if (const auto it = draft.find("access"); it != draft.end() && it->is_object()) {
        check_unknown_keys(*it, access_fields, "access", found, backup_fields_hint);
    }
    if (const auto it = draft.find("example"); it != draft.end() && *it == true) {
        input.example = true;
        found.push_back(make_warning("draft-example", "example",
                                     "this is the built-in example, not a real request: do not file it"));
    }
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
    if (is_extension_draft(document)) {
        // Reading its fields as a backup request would only bury this one fact under unknown-field errors.
        found.push_back(make_error("draft-unsupported", "request_type",
                                   "this is an access-extension draft: give it to backup-request extend"));
        return reading;
    }
    check_unknown_keys(document, top_level_fields, "", found, backup_fields_hint);
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

Evaluation evaluate_draft(const json& document, sys_seconds now, const DraftOptions& options) {
    DraftReading reading = read_draft(document);
    if (!document.is_object() || is_extension_draft(document)) {
        return {std::move(reading.diagnostics), std::nullopt};
    }
    reading.input.allow_secrets = options.allow_secrets;
    const Diagnostics duplicates = duplicate_key_diagnostics(options.duplicate_keys);
    reading.diagnostics.insert(reading.diagnostics.begin(), duplicates.begin(), duplicates.end());
    Evaluation evaluation = evaluate_request(reading.input, now);
    merge_into_evaluation(reading.diagnostics, evaluation);
    return evaluation;
}

Diagnostics duplicate_key_diagnostics(const std::vector<std::string>& pointers) {
    Diagnostics diagnostics;
    for (const auto& pointer : pointers) {
        const std::string key = pointer.substr(pointer.rfind('/') + 1);
        std::string field = pointer.substr(1);
        std::replace(field.begin(), field.end(), '/', '.');
        diagnostics.push_back(make_error_at("draft-duplicate-key", field, pointer,
                                            "'" + key +
                                                "' is given more than once; JSON keeps only the last "
                                                "value, so remove the others"));
    }
    return diagnostics;
}

Diagnostics diagnose_draft(const json& document, sys_seconds now, const DraftOptions& options) {
    return kind_of_draft(document).judge(document, now, options).diagnostics;
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
