// Runs every rule over a request and assembles the accepted request when none of them fails.
#include "backup_request/rules/request_rules.hpp"

#include "backup_request/rules/environment_address.hpp"
#include "backup_request/rules/justification.hpp"
#include "backup_request/text/utf8_text.hpp"
#include "backup_request/time/time_field.hpp"
#include "request_texts.hpp"

namespace backup_request {
namespace {

struct TimeCheck {
    int retention_days = default_retention_days;
    bool retention_ok = true;
    std::string_view time_zone; // empty: UTC or an explicit offset is required
};

std::optional<ParsedTime> check_time_field(const std::optional<std::string>& text, sys_seconds now,
                                           const TimeCheck& check, Diagnostics& found) {
    const std::string field = "point_in_time";
    if (!text) {
        found.push_back(
            make_error("time-missing", field,
                       "no point in time: give the moment to restore, in UTC, like 2026-11-20T14:30:00Z"));
        return std::nullopt;
    }
    auto time = read_time_field(field, *text, now, check.time_zone, found);
    if (time && check.retention_ok) {
        append_diagnostics(found, check_point_in_time(time->time, now, check.retention_days));
    }
    return time;
}

// Every rule's verdict, and the checked values a request is assembled from.
struct CheckedRequest {
    Diagnostics found;
    int retention_days = default_retention_days;
    std::optional<ParsedTime> point_in_time;
    EnvironmentCheck environments;
    RequestTexts texts;
};

CheckedRequest check_request(const RequestInput& input, sys_seconds now) {
    CheckedRequest checked;
    Diagnostics& found = checked.found;

    const bool retention_ok = input.retention_days >= 1 && input.retention_days <= max_retention_days;
    if (!retention_ok) {
        found.push_back(make_error("retention-invalid", "retention.days",
                                   "the retention must be 1 to 365 days, not " +
                                       std::to_string(input.retention_days) +
                                       " (the vendor's policy is 15)"));
    } else if (input.retention_days != default_retention_days) {
        // A longer window lets a point the vendor no longer has pass; a shorter one refuses points it has.
        found.push_back(make_warning("retention-not-vendor", "retention.days",
                                     "the window is judged with " + std::to_string(input.retention_days) +
                                         " days, but the vendor keeps backups for 15: the vendor will judge "
                                         "the point in time against 15 days"));
    }
    checked.retention_days = retention_ok ? static_cast<int>(input.retention_days) : default_retention_days;
    const bool zone_ok = check_time_zone_field(input.time_zone, found);
    if (zone_ok) {
        const TimeCheck check{checked.retention_days, retention_ok,
                              input.time_zone ? *input.time_zone : std::string_view{}};
        checked.point_in_time = check_time_field(input.point_in_time, now, check, found);
    }

    checked.environments = check_environments(input.environments);
    append_diagnostics(found, std::move(checked.environments.diagnostics));

    checked.texts = check_request_texts(
        {input.justification,
         input.contact,
         input.reference,
         "no business justification: say what happened, the business impact, and what data you need",
         {},
         input.allow_secrets},
        found);
    return checked;
}

} // namespace

Evaluation evaluate_request(const RequestInput& input, sys_seconds now) {
    CheckedRequest checked = check_request(input, now);
    Evaluation evaluation;
    evaluation.diagnostics = std::move(checked.found);
    const Diagnostics& found = evaluation.diagnostics;
    if (has_errors(found)) {
        return evaluation;
    }
    const auto& point_in_time = checked.point_in_time;
    auto& environments = checked.environments;
    auto& texts = checked.texts;
    const int retention_days = checked.retention_days;
    Request request;
    request.created_at = now;
    request.point_in_time = point_in_time->time;
    if (point_in_time->local_wall) {
        request.entered_as =
            EnteredAs{format_wall_time(*point_in_time->local_wall), point_in_time->local_zone};
    }
    request.retention_days = retention_days;
    request.environments = std::move(environments.hosts);
    request.justification = std::move(texts.justification.text);
    request.contact = std::move(texts.contact.contact);
    request.reference = std::move(texts.contact.reference);
    request.example = input.example;
    request.warnings = found;
    evaluation.request = std::move(request);
    return evaluation;
}

Diagnostics diagnose_request(const RequestInput& input, sys_seconds now) {
    return check_request(input, now).found;
}

} // namespace backup_request
