// A request kind described once: its draft fields with the flags that set them, its rules and its renderers.
// `create` and `extend` are the same steps run over two kinds; `validate` picks the kind by request_type.
// Adding a field to a kind, or a third kind, is an edit to request_kind.cpp alone.
#pragma once

#include "backup_request/drafts/draft.hpp"
#include "backup_request/output/case_document.hpp"
#include "backup_request/time/utc_time.hpp"

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace backup_request {

enum class FieldShape {
    text,          // one string
    text_list,     // a repeatable flag, an array of strings in the draft
    whole_number,  // an integer, between `minimum` and `maximum`
    justification, // -j TEXT, or --justification-file PATH
};

struct RequestField {
    std::string key; // the draft key; "retention.days" is "days" inside "retention"
    std::string
        flags; // CLI11 names, the first long one is the flag's name in messages: "--at,--point-in-time"
    std::string type_name; // "TIME"
    std::string help;
    FieldShape shape = FieldShape::text;
    bool required = false; // without --from (or --example) its flag must be given...
    std::string or_flag;   // ...or this one ("--expires-at" for --delivered-at)
    std::string erases;    // the draft key its flag replaces ("access_expires_at" for delivered_at)
    int minimum = 0;       // whole numbers
    int maximum = 0;
    std::optional<int> fallback;  // the default of a whole number, shown in --help
    std::string file_help;        // justification: the help of --justification-file
    bool after_clock = false;     // listed after --now in --help (settings of the judgement, not facts)
    bool known_to_ledger = false; // extend --request fills it from the ledger, so its flag is not required
};

enum class OutputFormat { json, text, markdown };

// A request judged: its diagnostics, and when it passes the rules, how to write it.
struct JudgedRequest {
    Diagnostics diagnostics;
    std::function<std::string(OutputFormat format, bool compact)> render; // empty when a rule is broken
    std::function<CaseDocument()> document; // the case's facts, for the tracker bodies and the calendar
    std::function<nlohmann::ordered_json()> payload; // the payload as JSON, for the ledger's record
};

struct RequestKind {
    std::string command;              // "create"
    std::string summary;              // the command's one line of help
    std::string footer;               // examples, after the flags in --help
    std::string request_type;         // in drafts and payloads
    std::string from_help;            // --from's help
    bool stamps_request_type = false; // drafts of this kind carry request_type (the default kind's need not)
    std::vector<RequestField> fields; // in --help order
    std::optional<nlohmann::json> example; // --example's draft, when the kind has one
    bool guided = false;                   // asks for missing fields at a terminal
    bool extends_recorded = false;         // --request ID: the facts of a recorded, delivered request
    // `backup-request template`'s draft to fill in, for the kind that has one.
    std::function<nlohmann::ordered_json(sys_seconds now)> template_draft;
    std::function<JudgedRequest(const nlohmann::json& draft, sys_seconds now, const DraftOptions& options)>
        judge;
};

[[nodiscard]] const RequestKind& backup_access_kind();
[[nodiscard]] const RequestKind& access_extension_kind();
[[nodiscard]] const std::vector<const RequestKind*>& request_kinds();

// The kind a draft is, by its request_type; a draft without one is a backup access request.
[[nodiscard]] const RequestKind& kind_of_draft(const nlohmann::json& draft);

// The name a field goes by in messages: its first long flag ("--at").
[[nodiscard]] std::string flag_name(const RequestField& field);

} // namespace backup_request
