// The two request kinds: backup access (create) and access extension (extend), each described in one place.
#include "backup_request/drafts/request_kind.hpp"

#include "backup_request/drafts/extension_draft.hpp"
#include "backup_request/output/case_text.hpp"
#include "backup_request/output/payload.hpp"
#include "backup_request/time/retention_window.hpp"

#include <memory>
#include <type_traits>

namespace backup_request {
namespace {

constexpr const char* example_justification =
    "A faulty data migration deployed to production about an hour ago overwrote the delivery addresses of "
    "roughly 1,200 open orders. Shipping is blocked until they are corrected. We need read access to the "
    "Orders and Addresses tables as they were before the deployment to copy the lost addresses back.";

constexpr const char* create_examples = R"(
Examples:
  backup-request create --at 2026-11-20T14:30:00Z --env acme-prd.outsystemsenterprise.com \
      --justification-file incident.txt --contact ops@acme.example --reference INC-4711
  backup-request create --at now-2h --env https://acme-prd.outsystemsenterprise.com/ServiceCenter/ \
      --justification "A failed deployment deleted ..." --output case.json
  backup-request create --from draft.json --at now-30m | jq .point_in_time

Times: )";

constexpr const char* extend_examples = R"(
Access to the restored database lasts 7 days from delivery; an extension adds 1 to 7 days, on justification.

Examples:
  backup-request extend --case 00123456 --delivered-at 2026-11-20T09:00:00Z --days 3 \
      --justification "Reconciling 1,200 orders takes longer than planned: ..."
  backup-request extend --case 00123456 --expires-at 2026-11-30T09:00:00Z --days 7 \
      --justification-file reason.txt --format markdown)";

// Appends a field with its names and help; the caller sets what else it has.
RequestField& add_field(RequestKind& kind, std::string key, std::string flags, std::string type_name,
                        std::string help) {
    RequestField field;
    field.key = std::move(key);
    field.flags = std::move(flags);
    field.type_name = std::move(type_name);
    field.help = std::move(help);
    kind.fields.push_back(std::move(field));
    return kind.fields.back();
}

// The free-text fields every kind has, in its own words: the justification (or its file), contact, reference.
void add_text_fields(RequestKind& kind, std::string justification_help, std::string file_help,
                     std::string contact_help) {
    auto& justification =
        add_field(kind, "justification", "-j,--justification", "TEXT", std::move(justification_help));
    justification.shape = FieldShape::justification;
    justification.required = true;
    justification.file_help = std::move(file_help);
    add_field(kind, "contact", "--contact", "EMAIL", std::move(contact_help));
    add_field(kind, "reference", "--reference", "ID", "Your own incident or ticket id");
}

TextStyle style_of(OutputFormat format) {
    return format == OutputFormat::markdown ? TextStyle::markdown : TextStyle::plain;
}

// An evaluation of either kind as a JudgedRequest: its diagnostics, and a renderer over its request.
template <typename Evaluation, typename ToPayload, typename ToText>
JudgedRequest judged_from(Evaluation evaluation, ToPayload to_payload_of, ToText to_text_of) {
    JudgedRequest judged{std::move(evaluation.diagnostics), {}, {}, {}};
    if (evaluation.request) {
        // One request, moved once, shared by both closures: validate judges every draft of a batch.
        auto request = std::make_shared<const std::decay_t<decltype(*evaluation.request)>>(
            std::move(*evaluation.request));
        judged.document = [request] { return case_document(*request); };
        judged.payload = [request, to_payload_of] { return to_payload_of(*request); };
        judged.render = [request, to_payload_of, to_text_of](OutputFormat format, bool compact) {
            return format == OutputFormat::json ? serialize_payload(to_payload_of(*request), compact)
                                                : to_text_of(*request, style_of(format));
        };
    }
    return judged;
}

RequestKind make_backup_access() {
    RequestKind kind;
    kind.command = "create";
    kind.summary = "Check a backup access request and write its support-case payload";
    kind.footer = std::string(create_examples) + std::string(accepted_time_forms);
    kind.request_type = std::string(backup_request_type);
    kind.from_help = "Start from a draft (JSON, '-' for stdin); flags override its fields";
    auto& at =
        add_field(kind, "point_in_time", "--at,--point-in-time", "TIME",
                  "Point in time to restore: 2026-11-20T14:30:00Z, or as people say it (yesterday 14:30 "
                  "UTC, friday 9am Europe/Lisbon, Nov 20 2:30pm UTC, 2 hours ago); a wall time needs a "
                  "zone");
    at.required = true;
    add_field(kind, "time_zone", "--timezone,--time-zone", "AREA/CITY",
              "Read --at without an offset as local time in this IANA zone (env BACKUP_REQUEST_TZ)");
    auto& environments = add_field(kind, "environments", "-e,--env,--environment", "ADDRESS",
                                   "Environment address (host name or URL); repeat for several");
    environments.shape = FieldShape::text_list;
    environments.required = true;
    add_text_fields(kind, "Business justification",
                    "Read the business justification from a file ('-' for stdin)",
                    "Contact e-mail address for the case");
    auto& retention = add_field(kind, "retention.days", "--retention-days", "N", "Retention window in days");
    retention.shape = FieldShape::whole_number;
    retention.minimum = 1;
    retention.maximum = static_cast<int>(max_retention_days);
    retention.fallback = default_retention_days;
    retention.after_clock = true;
    kind.example = nlohmann::json{{"point_in_time", "now-2h"},
                                  {"environments", {"acme-prd.outsystemsenterprise.com"}},
                                  {"justification", example_justification},
                                  {"contact", "ops@acme.example"},
                                  {"reference", "INC-4711"}};
    kind.guided = true;
    kind.template_draft = draft_template;
    kind.judge = [](const nlohmann::json& draft, sys_seconds now, const DraftOptions& options) {
        Evaluation evaluation = evaluate_draft(draft, now, options);
        if (evaluation.request && options.mark_example) {
            evaluation.request->example = true;
        }
        return judged_from(std::move(evaluation), to_payload, case_text);
    };
    return kind;
}

RequestKind make_access_extension() {
    RequestKind kind;
    kind.command = "extend";
    kind.summary = "Ask for more days of access to a restored backup";
    kind.footer = std::string(extend_examples) + "\n\nTimes: " + std::string(accepted_time_forms);
    kind.request_type = std::string(extension_request_type);
    kind.from_help = "Start from an extension draft (JSON, '-' for stdin)";
    kind.stamps_request_type = true;
    kind.extends_recorded = true;
    kind.guided = true; // at a terminal, --days and the justification are asked for (with --request)
    auto& case_id = add_field(kind, "case", "--case", "ID", "The vendor's support case id");
    case_id.required = true;
    case_id.known_to_ledger = true;
    auto& delivered = add_field(kind, "delivered_at", "--delivered-at", "TIME",
                                "When access was handed over (it lasts 7 days from then)");
    delivered.required = true;
    delivered.known_to_ledger = true;
    delivered.or_flag = "--expires-at";
    delivered.erases = "access_expires_at";
    add_field(kind, "access_expires_at", "--expires-at", "TIME",
              "When access ends now, if it was extended before")
        .erases = "delivered_at";
    auto& days = add_field(kind, "extension_days", "--days", "N", "Extra days of access wanted");
    days.shape = FieldShape::whole_number;
    days.required = true;
    days.minimum = 1;
    days.maximum = 7;
    add_field(kind, "time_zone", "--timezone,--time-zone", "AREA/CITY",
              "Read times without an offset as local time in this IANA zone (env BACKUP_REQUEST_TZ)");
    add_text_fields(kind, "Why access is still needed", "Read the justification from a file ('-' for stdin)",
                    "Contact e-mail address");
    kind.judge = [](const nlohmann::json& draft, sys_seconds now, const DraftOptions& options) {
        return judged_from(
            evaluate_extension_draft(draft, now, options.allow_secrets, options.duplicate_keys),
            to_extension_payload, extension_case_text);
    };
    return kind;
}

} // namespace

const RequestKind& backup_access_kind() {
    static const RequestKind kind = make_backup_access();
    return kind;
}

const RequestKind& access_extension_kind() {
    static const RequestKind kind = make_access_extension();
    return kind;
}

const std::vector<const RequestKind*>& request_kinds() {
    static const std::vector<const RequestKind*> kinds = {&backup_access_kind(), &access_extension_kind()};
    return kinds;
}

const RequestKind& kind_of_draft(const nlohmann::json& draft) {
    if (draft.is_object()) {
        const auto type = draft.find("request_type");
        if (type != draft.end() && type->is_string()) {
            for (const RequestKind* kind : request_kinds()) {
                if (kind->stamps_request_type && *type == kind->request_type) {
                    return *kind;
                }
            }
        }
    }
    return backup_access_kind();
}

std::string flag_name(const RequestField& field) {
    std::size_t start = 0;
    while (start < field.flags.size()) {
        const auto end = std::min(field.flags.find(',', start), field.flags.size());
        std::string name = field.flags.substr(start, end - start);
        if (name.starts_with("--")) {
            return name;
        }
        start = end + 1;
    }
    return field.flags;
}

} // namespace backup_request
