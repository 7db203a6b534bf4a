// Drafts: a request as a JSON object with the payload's field names, read into a RequestInput and judged.
#pragma once

#include "backup_request/rules/request_rules.hpp"

#include <nlohmann/json.hpp>

namespace backup_request {

struct DraftReading {
    RequestInput input;
    Diagnostics diagnostics; // unknown fields, wrong types, a document that is not an object
};

// Reads the fields a user gives; the fields `create` computes are allowed and ignored (recomputed).
[[nodiscard]] DraftReading read_draft(const nlohmann::json& document);

// What the command line adds to a draft's own content.
struct DraftOptions {
    bool allow_secrets = false;
    std::vector<std::string> duplicate_keys; // JSON Pointers of keys the draft's text repeats
    bool mark_example = false;               // --example: the request is marked "example": true
};

// A draft-duplicate-key error for each repeated key: JSON keeps only the last value, silently.
[[nodiscard]] Diagnostics duplicate_key_diagnostics(const std::vector<std::string>& pointers);

// read_draft, then the rules: the one path that create, create --from and validate all take.
[[nodiscard]] Evaluation evaluate_draft(const nlohmann::json& document, sys_seconds now,
                                        const DraftOptions& options = {});

// Any draft's diagnostics, told apart by request_type: "access-extension" drafts go through the extension
// rules, all others through the backup-access rules. What validate reports.
[[nodiscard]] Diagnostics diagnose_draft(const nlohmann::json& document, sys_seconds now,
                                         const DraftOptions& options = {});

// A draft skeleton to fill in, with example values in the accepted forms.
[[nodiscard]] nlohmann::ordered_json draft_template(sys_seconds now);

} // namespace backup_request
