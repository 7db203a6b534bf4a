// Reads extension drafts and writes extension payloads; a payload is a valid draft, its computed fields
// ignored.
#include "backup_request/drafts/extension_draft.hpp"

#include "backup_request/drafts/draft.hpp"
#include "backup_request/output/payload.hpp"
#include "draft_fields.hpp"

namespace backup_request {

using json = nlohmann::json;

namespace {

const std::vector<std::string> extension_fields = {
    "request_type",         "case",       "delivered_at", "access_expires_at", "extension_days",
    "justification",        "contact",    "reference",    "time_zone",         "schema_version",
    "requested_expires_at", "created_at", "warnings"};
constexpr const char* extension_fields_hint =
    "an extension draft holds only request_type, case, delivered_at or access_expires_at, extension_days, "
    "justification, contact, reference and time_zone";

} // namespace

ExtensionDraftReading read_extension_draft(const json& document) {
    ExtensionDraftReading reading;
    Diagnostics& found = reading.diagnostics;
    if (!document.is_object()) {
        found.push_back(
            make_error("draft-not-object", "", "a draft must be a JSON object, not " + type_name(document)));
        return reading;
    }
    check_unknown_keys(document, extension_fields, "", found, extension_fields_hint);
    if (const auto it = document.find("schema_version"); it != document.end() && *it != 1) {
        found.push_back(
            make_error("draft-unsupported", "schema_version",
                       "schema_version " + it->dump() + " is not supported: this tool reads version 1"));
    }
    ExtensionInput& input = reading.input;
    input.case_id = string_field(document, "case", found);
    input.delivered_at = string_field(document, "delivered_at", found);
    input.access_expires_at = string_field(document, "access_expires_at", found);
    input.days = integer_field(document, "extension_days", "extension_days", found);
    input.justification = string_field(document, "justification", found);
    input.contact = string_field(document, "contact", found);
    input.reference = string_field(document, "reference", found);
    input.time_zone = string_field(document, "time_zone", found);
    return reading;
}

ExtensionEvaluation evaluate_extension_draft(const json& document, sys_seconds now, bool allow_secrets,
                                             const std::vector<std::string>& duplicate_keys) {
    ExtensionDraftReading reading = read_extension_draft(document);
    const Diagnostics duplicates = duplicate_key_diagnostics(duplicate_keys);
    reading.diagnostics.insert(reading.diagnostics.begin(), duplicates.begin(), duplicates.end());
    if (!document.is_object()) {
        return {std::move(reading.diagnostics), std::nullopt};
    }
    // A payload holds access_expires_at as well as delivered_at; the expiry is then computed, not given.
    ExtensionInput input = reading.input;
    input.allow_secrets = allow_secrets;
    if (input.delivered_at && input.access_expires_at && document.contains("requested_expires_at")) {
        input.access_expires_at.reset();
    }
    ExtensionEvaluation evaluation = evaluate_extension(input, now);
    merge_into_evaluation(reading.diagnostics, evaluation);
    return evaluation;
}

nlohmann::ordered_json to_extension_payload(const ExtensionRequest& request) {
    nlohmann::ordered_json payload;
    payload["schema_version"] = payload_schema_version;
    payload["request_type"] = extension_request_type;
    payload["created_at"] = format_utc_time(request.created_at);
    payload["case"] = request.case_id;
    if (request.delivered_at) {
        payload["delivered_at"] = format_utc_time(*request.delivered_at);
    }
    payload["access_expires_at"] = format_utc_time(request.access_expires_at);
    payload["extension_days"] = request.days;
    payload["requested_expires_at"] = format_utc_time(requested_expires_at(request));
    payload["justification"] = request.justification;
    if (request.contact) {
        payload["contact"] = *request.contact;
    }
    if (request.reference) {
        payload["reference"] = *request.reference;
    }
    payload["warnings"] = warnings_json(request.warnings);
    return payload;
}

} // namespace backup_request
