// Builds the case document of each request kind; the markup renderers are in case_markup.cpp.
#include "backup_request/output/case_document.hpp"

#include "backup_request/text/visible_text.hpp"
#include "backup_request/time/duration_text.hpp"
#include "backup_request/time/retention_window.hpp"

namespace backup_request {
namespace {

// User text, safe for a terminal or a ticket, with its own line breaks and tabs kept.
std::string safe_lines(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        if (start != 0) {
            out += '\n';
        }
        out += visible_text_keeping_tabs(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

CaseBlock block(CaseBlock::Kind kind, std::string label, std::string text = {}) {
    CaseBlock out;
    out.kind = kind;
    out.label = std::move(label);
    out.text = std::move(text);
    return out;
}

// The optional contact and reference, shared by both kinds of case.
void contact_items(CaseDocument& document, const std::optional<std::string>& contact,
                   const std::optional<std::string>& reference) {
    if (contact) {
        document.blocks.push_back(block(CaseBlock::Kind::item, "Contact", safe_lines(*contact)));
    }
    if (reference) {
        document.blocks.push_back(block(CaseBlock::Kind::item, "Our reference", safe_lines(*reference)));
    }
}

} // namespace

CaseDocument case_document(const Request& request) {
    using Kind = CaseBlock::Kind;
    CaseDocument document;
    document.title = "Request: temporary access to an OutSystems Cloud database backup";
    auto& blocks = document.blocks;
    if (request.example) {
        blocks.push_back(
            block(Kind::banner, "", "EXAMPLE - made up by backup-request create --example; do not file it"));
    }
    blocks.push_back(block(Kind::item, "Point in time (UTC)", format_utc_time(request.point_in_time)));
    if (request.entered_as) {
        blocks.push_back(block(Kind::item, "Entered as local time",
                               request.entered_as->local + " " + safe_lines(request.entered_as->time_zone)));
    }
    blocks.push_back(block(Kind::gap, ""));
    CaseBlock environments = block(Kind::list, "Environment addresses");
    for (const auto& host : request.environments) {
        environments.values.push_back(safe_lines(host));
    }
    blocks.push_back(std::move(environments));
    blocks.push_back(block(Kind::gap, ""));
    blocks.push_back(block(Kind::quote, "Business justification", safe_lines(request.justification)));
    contact_items(document, request.contact, request.reference);
    if (request.contact || request.reference) {
        blocks.push_back(block(Kind::gap, ""));
    }
    const auto window = retention_window(request.created_at, request.retention_days);
    const auto leaves = window_exit_time(request.point_in_time, request.retention_days);
    blocks.push_back(block(Kind::section, "Retention window (" + std::to_string(request.retention_days) +
                                              " days, as of " + format_utc_time(request.created_at) + ")"));
    blocks.push_back(
        block(Kind::fact, "",
              "earliest point in time that can be restored now: " + format_utc_time(window.earliest)));
    blocks.push_back(block(Kind::fact, "",
                           "this point in time leaves the window at " + format_utc_time(leaves) + ", in " +
                               duration_text(leaves - request.created_at)));
    blocks.push_back(
        block(Kind::fact, "",
              "access is asked for the standard " + std::to_string(standard_access_days) + " days"));

    const std::string first = request.environments.empty() ? std::string("the environments")
                                                           : safe_lines(request.environments.front());
    const std::size_t more = request.environments.empty() ? 0 : request.environments.size() - 1;
    document.summary = (request.example ? "EXAMPLE: " : "") + std::string("Backup access: ") + first +
                       (more > 0 ? " (+" + std::to_string(more) + " more)" : "") + " as of " +
                       format_utc_time(request.point_in_time) +
                       (request.reference ? " [" + safe_lines(*request.reference) + "]" : "");
    document.deadline = leaves;
    document.deadline_meaning = "the point in time leaves the " + std::to_string(request.retention_days) +
                                "-day retention window: the vendor must restore it before then";
    return document;
}

CaseDocument case_document(const ExtensionRequest& request) {
    using Kind = CaseBlock::Kind;
    CaseDocument document;
    document.title = "Request: extend access to a restored database backup";
    auto& blocks = document.blocks;
    blocks.push_back(block(Kind::item, "Support case", safe_lines(request.case_id)));
    if (request.delivered_at) {
        blocks.push_back(
            block(Kind::item, "Access delivered at (UTC)", format_utc_time(*request.delivered_at)));
    }
    blocks.push_back(
        block(Kind::item, "Access expires at (UTC)", format_utc_time(request.access_expires_at)));
    blocks.push_back(block(Kind::item, "Extension asked for",
                           std::to_string(request.days) + (request.days == 1 ? " day" : " days")));
    blocks.push_back(block(Kind::item, "Access until (UTC)", format_utc_time(requested_expires_at(request))));
    blocks.push_back(block(Kind::gap, ""));
    blocks.push_back(block(Kind::quote, "Business justification", safe_lines(request.justification)));
    contact_items(document, request.contact, request.reference);

    document.summary = "Extend access to restored backup, case " + safe_lines(request.case_id) + ", by " +
                       std::to_string(request.days) + (request.days == 1 ? " day" : " days") +
                       (request.reference ? " [" + safe_lines(*request.reference) + "]" : "");
    document.deadline = request.access_expires_at;
    document.deadline_meaning = "access to the restored database ends: the vendor must extend it before then";
    return document;
}

} // namespace backup_request
