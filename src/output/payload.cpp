// Builds the payload JSON from an accepted request; the computed fields come from the retention rules.
#include "backup_request/output/payload.hpp"

#include "backup_request/rules/request.hpp"
#include "backup_request/time/retention_window.hpp"

namespace backup_request {

nlohmann::ordered_json to_payload(const Request& request) {
    nlohmann::ordered_json payload;
    payload["schema_version"] = payload_schema_version;
    payload["request_type"] = backup_request_type;
    if (request.example) {
        payload["example"] = true;
    }
    payload["created_at"] = format_utc_time(request.created_at);
    payload["point_in_time"] = format_utc_time(request.point_in_time);
    if (request.entered_as) {
        payload["entered_as"] = {{"local", request.entered_as->local},
                                 {"time_zone", request.entered_as->time_zone}};
    }
    payload["retention"] = {
        {"days", request.retention_days},
        {"earliest_allowed",
         format_utc_time(retention_window(request.created_at, request.retention_days).earliest)},
        {"expires_at", format_utc_time(window_exit_time(request.point_in_time, request.retention_days))},
    };
    payload["environments"] = request.environments;
    payload["justification"] = request.justification;
    if (request.contact) {
        payload["contact"] = *request.contact;
    }
    if (request.reference) {
        payload["reference"] = *request.reference;
    }
    payload["access"] = {{"standard_days", standard_access_days}};
    payload["warnings"] = warnings_json(request.warnings);
    return payload;
}

nlohmann::ordered_json warnings_json(const Diagnostics& warnings) {
    auto list = nlohmann::ordered_json::array();
    for (const auto& warning : warnings) {
        list.push_back({{"code", warning.code}, {"field", warning.field}, {"message", warning.message}});
    }
    return list;
}

std::string serialize_payload(const nlohmann::ordered_json& payload, bool compact) {
    std::string text = compact ? payload.dump() : payload.dump(2);
    text += '\n';
    return text;
}

} // namespace backup_request
