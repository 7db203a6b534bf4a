// Extension rules: a case id, when access ends, how many more days (1 to 7), and a justification like
// create's.
#include "backup_request/rules/extension_request.hpp"

#include "backup_request/rules/justification.hpp"
#include "backup_request/rules/request.hpp"
#include "backup_request/text/ascii_text.hpp"
#include "backup_request/text/utf8_text.hpp"
#include "backup_request/time/duration_text.hpp"
#include "backup_request/time/time_field.hpp"
#include "request_texts.hpp"

namespace backup_request {
namespace {

std::optional<std::string> check_case_id(const std::optional<std::string>& case_id, Diagnostics& found) {
    if (!case_id) {
        found.push_back(
            make_error("case-missing", "case", "no support case: give the vendor's case id with --case"));
        return std::nullopt;
    }
    const std::string id(trim_whitespace(*case_id));
    if (!is_valid_case_id(id)) {
        found.push_back(
            make_error("case-invalid", "case",
                       "the support case id must be plain text of 1 to 100 characters, like 00123456"));
        return std::nullopt;
    }
    return id;
}

struct AccessEnd {
    std::optional<sys_seconds> delivered_at;
    sys_seconds expires_at;
};

std::optional<AccessEnd> check_access_end(const ExtensionInput& input, sys_seconds now, std::string_view zone,
                                          Diagnostics& found) {
    if (input.delivered_at && input.access_expires_at) {
        found.push_back(make_error("extension-conflict", "access_expires_at",
                                   "give delivered_at or access_expires_at, not both"));
        return std::nullopt;
    }
    if (input.delivered_at) {
        const auto delivered = read_time_field("delivered_at", *input.delivered_at, now, zone, found);
        if (!delivered) {
            return std::nullopt;
        }
        if (delivered->time > now) {
            found.push_back(make_error("time-in-future", "delivered_at",
                                       format_utc_time(delivered->time) +
                                           " is in the future: give when access was handed over"));
            return std::nullopt;
        }
        return AccessEnd{delivered->time, delivered->time + std::chrono::hours{24} * standard_access_days};
    }
    if (input.access_expires_at) {
        const auto expires = read_time_field("access_expires_at", *input.access_expires_at, now, zone, found);
        if (!expires) {
            return std::nullopt;
        }
        return AccessEnd{std::nullopt, expires->time};
    }
    found.push_back(
        make_error("delivered-missing", "delivered_at",
                   "no delivery time: give when access was handed over with --delivered-at (or the "
                   "current expiry with --expires-at)"));
    return std::nullopt;
}

void check_expiry(sys_seconds expires_at, sys_seconds now, Diagnostics& found) {
    const std::string field = "access_expires_at";
    if (expires_at < now) {
        found.push_back(make_error("access-expired", field,
                                   "access expired at " + format_utc_time(expires_at) + ", " +
                                       duration_text(now - expires_at) +
                                       " ago: expired access cannot be extended; ask for a new restore with "
                                       "backup-request create"));
    } else if (expires_at - now > std::chrono::hours{24} * max_extension_days) {
        found.push_back(make_warning(
            "extension-early", field,
            "access runs until " + format_utc_time(expires_at) + ", " + duration_text(expires_at - now) +
                " from now: the vendor may ask you to request the extension closer to then"));
    }
}

std::optional<int> check_days(const std::optional<std::int64_t>& days, Diagnostics& found) {
    if (!days) {
        found.push_back(
            make_error("extension-days-missing", "extension_days", "no number of days: give --days 1 to 7"));
        return std::nullopt;
    }
    if (*days < 1 || *days > max_extension_days) {
        found.push_back(make_error("extension-days-invalid", "extension_days",
                                   "an extension is 1 to 7 days, not " + std::to_string(*days)));
        return std::nullopt;
    }
    return static_cast<int>(*days);
}

} // namespace

bool is_valid_case_id(std::string_view id) {
    return !id.empty() && id.size() <= max_case_id_length && !find_invalid_utf8(id) &&
           !find_control_character(id);
}

sys_seconds requested_expires_at(const ExtensionRequest& request) {
    return request.access_expires_at + std::chrono::hours{24} * request.days;
}

ExtensionEvaluation evaluate_extension(const ExtensionInput& input, sys_seconds now) {
    ExtensionEvaluation evaluation;
    Diagnostics& found = evaluation.diagnostics;
    const auto case_id = check_case_id(input.case_id, found);
    std::optional<AccessEnd> end;
    if (check_time_zone_field(input.time_zone, found)) {
        end = check_access_end(input, now, input.time_zone ? *input.time_zone : std::string_view{}, found);
    }
    if (end) {
        check_expiry(end->expires_at, now, found);
    }
    const auto days = check_days(input.days, found);
    if (end && days && end->expires_at > last_writable_time - std::chrono::hours{24} * *days) {
        found.push_back(make_error("time-out-of-range", "access_expires_at",
                                   "access extended by " + std::to_string(*days) + " days from " +
                                       format_utc_time(end->expires_at) +
                                       " would end after 9999-12-31T23:59:59Z, which no payload can hold: "
                                       "give the real end of access"));
    }
    RequestTexts texts =
        check_request_texts({input.justification,
                             input.contact,
                             input.reference,
                             "no justification: say why the data is still needed and for how long",
                             {{"case", &input.case_id}},
                             input.allow_secrets},
                            found);

    if (has_errors(found)) {
        return evaluation;
    }
    ExtensionRequest request;
    request.created_at = now;
    request.case_id = *case_id;
    request.delivered_at = end->delivered_at;
    request.access_expires_at = end->expires_at;
    request.days = *days;
    request.justification = std::move(texts.justification.text);
    request.contact = std::move(texts.contact.contact);
    request.reference = std::move(texts.contact.reference);
    request.warnings = found;
    evaluation.request = std::move(request);
    return evaluation;
}

} // namespace backup_request
