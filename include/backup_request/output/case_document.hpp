// The facts of a case as a document model, built once per request and rendered natively for each markup:
// plain text, Markdown, Atlassian Document Format (Jira Cloud), Jira wiki markup, HTML (Zendesk). User text
// stays literal in every one of them.
#pragma once

#include "backup_request/rules/extension_request.hpp"
#include "backup_request/rules/request.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace backup_request {

struct CaseBlock {
    enum class Kind {
        banner,  // a warning over the whole case ("EXAMPLE - ...")
        item,    // label: value (the value shown as code)
        list,    // label, then one value per line (as code)
        quote,   // label, then the user's own multi-line text
        section, // a sub-heading
        fact,    // one line of computed fact, under a section
        gap,     // a blank line in plain text only
    };
    Kind kind = Kind::item;
    std::string label;
    std::string text;                // item value, quote text, fact, banner
    std::vector<std::string> values; // list values
    std::string note;                // the tool's own words after an item's value (", when ..."), not code
};

struct CaseDocument {
    std::string title;
    std::vector<CaseBlock> blocks;
    std::string summary;          // a one-line title for a ticket ("Backup access: acme-prd... at 2026-...")
    sys_seconds deadline{};       // when the vendor must act: the point leaves the window, or access ends
    std::string deadline_meaning; // "the point in time leaves the 15-day retention window"
};

[[nodiscard]] CaseDocument case_document(const Request& request);
[[nodiscard]] CaseDocument case_document(const ExtensionRequest& request);

[[nodiscard]] std::string render_plain(const CaseDocument& document);
[[nodiscard]] std::string render_markdown(const CaseDocument& document);
// An Atlassian Document Format "doc" node: headings, paragraphs, bullet lists, block quotes, code marks.
[[nodiscard]] nlohmann::json render_adf(const CaseDocument& document);
// Jira Data Center / Server wiki markup, every user character escaped.
[[nodiscard]] std::string render_jira_wiki(const CaseDocument& document);
// HTML with every user character escaped, for Zendesk's html_body.
[[nodiscard]] std::string render_html(const CaseDocument& document);

} // namespace backup_request
