// One function per tracker's create-issue body; the markup comes from case_markup.cpp. Limits are the
// trackers' documented ones: a title is cut at a character boundary, a body that does not fit is refused.
#include "backup_request/trackers/tracker_body.hpp"

#include "backup_request/output/payload.hpp"
#include "backup_request/text/grapheme_clusters.hpp"
#include "backup_request/text/utf8_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <date/date.h>

namespace backup_request {
namespace {

using ordered_json = nlohmann::ordered_json;

constexpr std::array<std::pair<Tracker, std::string_view>, 7> names = {{{Tracker::jira, "jira"},
                                                                        {Tracker::jira_server, "jira-server"},
                                                                        {Tracker::github, "github"},
                                                                        {Tracker::gitlab, "gitlab"},
                                                                        {Tracker::zendesk, "zendesk"},
                                                                        {Tracker::servicenow, "servicenow"},
                                                                        {Tracker::redmine, "redmine"}}};

std::string due_date(sys_seconds deadline) {
    return date::format("%F", date::floor<date::days>(deadline));
}

// The deadline as a line at the top of every body, so it travels where there is no due-date field too.
CaseDocument with_deadline(CaseDocument document) {
    CaseBlock deadline;
    deadline.kind = CaseBlock::Kind::item;
    deadline.label = "Deadline (UTC)";
    deadline.text = format_utc_time(document.deadline);
    deadline.note = ", when " + document.deadline_meaning;
    document.blocks.insert(document.blocks.begin(), deadline);
    return document;
}

std::optional<TrackerError> too_long(std::string_view what, std::size_t length, std::size_t limit) {
    if (length <= limit) {
        return std::nullopt;
    }
    return TrackerError{std::string(what) + " would be " + std::to_string(length) +
                            " characters, more than the " + std::to_string(limit) +
                            " the tracker accepts; shorten the justification (nothing was cut)",
                        false};
}

ordered_json jira_body(const CaseDocument& document, const TrackerSettings& settings, bool wiki) {
    ordered_json fields;
    fields["project"] = {{"key", settings.jira_project}};
    fields["summary"] = cut_to_characters(document.summary, 255, LengthUnit::utf16_units); // Java's length()
    fields["issuetype"] = {{"name", settings.jira_issue_type}};
    if (wiki) {
        fields["description"] = render_jira_wiki(document);
    } else {
        fields["description"] = ordered_json::parse(render_adf(document).dump());
    }
    fields["duedate"] = due_date(document.deadline);
    if (!settings.jira_labels.empty()) {
        fields["labels"] = settings.jira_labels;
    }
    if (!settings.jira_priority.empty()) {
        fields["priority"] = {{"name", settings.jira_priority}};
    }
    for (const auto& field : settings.jira_fields) {
        const auto equals = field.find('=');
        const std::string value = field.substr(equals + 1);
        ordered_json parsed = ordered_json::parse(value, nullptr, false);
        fields[field.substr(0, equals)] = parsed.is_discarded() ? ordered_json(value) : std::move(parsed);
    }
    return {{"fields", std::move(fields)}};
}

using BodyOrError = std::variant<ordered_json, TrackerError>;

BodyOrError jira_issue(Tracker tracker, const CaseDocument& document, const TrackerSettings& settings) {
    if (settings.jira_project.empty()) {
        return TrackerError{"--format " + std::string(tracker_name(tracker)) +
                                " needs the Jira project: give --jira-project KEY, or project in the [jira] "
                                "table of the config file",
                            true};
    }
    ordered_json body = jira_body(document, settings, tracker == Tracker::jira_server);
    const auto& description = body["fields"]["description"];
    const std::size_t length = description.is_string() ? count_code_points(description.get<std::string>())
                                                       : description.dump().size();
    if (auto error = too_long("the Jira description", length, 32767)) {
        return *error;
    }
    return body;
}

BodyOrError github_issue(const CaseDocument& document, const TrackerSettings& settings) {
    const std::string text = render_markdown(document);
    if (auto error = too_long("the GitHub issue body", count_code_points(text), 65536)) {
        return *error;
    }
    ordered_json body;
    body["title"] = cut_to_characters(document.summary, 256);
    body["body"] = text;
    if (!settings.github_labels.empty()) {
        body["labels"] = settings.github_labels;
    }
    if (!settings.github_assignees.empty()) {
        body["assignees"] = settings.github_assignees;
    }
    return body;
}

BodyOrError gitlab_issue(const CaseDocument& document, const TrackerSettings& settings) {
    const std::string text = render_markdown(document);
    if (auto error = too_long("the GitLab description", count_code_points(text), 1048576)) {
        return *error;
    }
    ordered_json body;
    body["title"] = cut_to_characters(document.summary, 255);
    body["description"] = text;
    body["due_date"] = due_date(document.deadline);
    if (!settings.gitlab_labels.empty()) {
        std::string labels;
        for (const auto& label : settings.gitlab_labels) {
            labels += (labels.empty() ? "" : ",") + label;
        }
        body["labels"] = labels; // GitLab takes a comma-separated string
    }
    return body;
}

BodyOrError zendesk_ticket(const CaseDocument& document, const TrackerSettings& settings) {
    ordered_json ticket;
    ticket["subject"] = cut_to_characters(document.summary, 255);
    ticket["comment"] = {{"html_body", render_html(document)}};
    if (!settings.zendesk_type.empty()) {
        ticket["type"] = settings.zendesk_type;
    }
    if (settings.zendesk_type == "task") {
        ticket["due_at"] = format_utc_time(document.deadline); // Zendesk keeps due dates on tasks only
    }
    if (!settings.zendesk_priority.empty()) {
        ticket["priority"] = settings.zendesk_priority;
    }
    if (!settings.zendesk_tags.empty()) {
        ticket["tags"] = settings.zendesk_tags;
    }
    return ordered_json{{"ticket", std::move(ticket)}};
}

// Sets `key` to `value` when the setting was given.
void set_if_given(ordered_json& object, const char* key, const std::string& value) {
    if (!value.empty()) {
        object[key] = value;
    }
}

BodyOrError servicenow_incident(const CaseDocument& document, const TrackerSettings& settings) {
    const std::string text = render_plain(document);
    if (auto error = too_long("the ServiceNow description", count_code_points(text), 4000)) {
        return *error;
    }
    ordered_json body;
    body["short_description"] = cut_to_characters(document.summary, 160, LengthUnit::utf16_units);
    body["description"] = text;
    body["due_date"] = date::format("%F %T", document.deadline);
    set_if_given(body, "urgency", settings.servicenow_urgency);
    set_if_given(body, "impact", settings.servicenow_impact);
    set_if_given(body, "assignment_group", settings.servicenow_assignment_group);
    set_if_given(body, "caller_id", settings.servicenow_caller);
    return body;
}

// Textile: a <pre> block, whose content Redmine escapes itself (so no entity is written here) and in which it
// links nothing; a word joiner after each '<' that could start a tag keeps "</pre>" in the text from ending
// it. CommonMark: a fenced code block, its fence longer than any run of backticks inside.
std::string redmine_literal(std::string_view text, std::string_view formatting) {
    if (formatting == "common_mark") {
        std::size_t longest = 0;
        std::size_t run = 0;
        for (const char c : text) {
            run = c == '`' ? run + 1 : 0;
            longest = std::max(longest, run);
        }
        const std::string fence(std::max<std::size_t>(3, longest + 1), '`');
        return fence + "text\n" + std::string(text) + (text.ends_with('\n') ? "" : "\n") + fence + "\n";
    }
    std::string out = "<pre>\n";
    for (std::size_t i = 0; i < text.size(); ++i) {
        out += text[i];
        const char next = i + 1 < text.size() ? text[i + 1] : '\0';
        if (text[i] == '<' &&
            (std::isalpha(static_cast<unsigned char>(next)) != 0 ||
             (next != '\0' && std::string_view("/!?").find(next) != std::string_view::npos))) {
            out += "\u2060";
        }
    }
    return out + (text.ends_with('\n') ? "" : "\n") + "</pre>\n";
}

BodyOrError redmine_issue(const CaseDocument& document, const TrackerSettings& settings) {
    if (settings.redmine_project.empty()) {
        return TrackerError{"--format redmine needs the Redmine project: give --redmine-project ID, or "
                            "project in the [redmine] table of the config file",
                            true};
    }
    ordered_json issue;
    issue["project_id"] = settings.redmine_project;
    set_if_given(issue, "tracker_id", settings.redmine_tracker);
    set_if_given(issue, "priority_id", settings.redmine_priority);
    issue["subject"] = cut_to_characters(document.summary, 255);
    // Redmine renders a description with the server's formatter, so the plain text goes into the block that
    // formatter leaves literal.
    issue["description"] = redmine_literal(render_plain(document), settings.redmine_text_formatting);
    issue["due_date"] = due_date(document.deadline);
    return ordered_json{{"issue", std::move(issue)}};
}

BodyOrError body_for(Tracker tracker, const CaseDocument& document, const TrackerSettings& settings) {
    switch (tracker) {
    case Tracker::jira:
    case Tracker::jira_server:
        return jira_issue(tracker, document, settings);
    case Tracker::github:
        return github_issue(document, settings);
    case Tracker::gitlab:
        return gitlab_issue(document, settings);
    case Tracker::zendesk:
        return zendesk_ticket(document, settings);
    case Tracker::servicenow:
        return servicenow_incident(document, settings);
    case Tracker::redmine:
        return redmine_issue(document, settings);
    }
    return TrackerError{"unknown tracker", false};
}

} // namespace

std::string_view tracker_name(Tracker tracker) {
    for (const auto& [value, name] : names) {
        if (value == tracker) {
            return name;
        }
    }
    return "jira";
}

std::optional<Tracker> tracker_named(std::string_view name) {
    for (const auto& [value, known] : names) {
        if (known == name) {
            return value;
        }
    }
    return std::nullopt;
}

namespace {

// The escapes visible_text writes ("\x1b", "\u{202e}", "\n") are one character to a reader: never cut inside.
std::size_t escape_length(std::string_view text, std::size_t offset) {
    const std::string_view rest = text.substr(offset);
    if (rest.size() >= 2 && rest[0] == '\\' && (rest[1] == 'n' || rest[1] == 't')) {
        return 2;
    }
    if (rest.size() >= 4 && rest.starts_with("\\x")) {
        return 4;
    }
    if (rest.starts_with("\\u{")) {
        const auto close = rest.find('}');
        return close != std::string_view::npos && close <= 10 ? close + 1 : 0;
    }
    return 0;
}

} // namespace

std::string cut_to_characters(std::string_view text, std::size_t limit, LengthUnit unit) {
    if (text_length(text, unit) <= limit) {
        return std::string(text);
    }
    constexpr std::string_view ellipsis = "\u2026"; // one unit in both counts
    std::size_t offset = 0;
    std::size_t used = 0;
    while (offset < text.size()) {
        const std::size_t escape = escape_length(text, offset);
        const std::size_t end = escape != 0 ? offset + escape : next_grapheme_boundary(text, offset);
        const std::size_t width = text_length(text.substr(offset, end - offset), unit);
        if (used + width + 1 > limit) {
            break;
        }
        used += width;
        offset = end;
    }
    return std::string(text.substr(0, offset)) + std::string(ellipsis);
}

std::variant<std::string, TrackerError> tracker_body(Tracker tracker, const CaseDocument& original,
                                                     const TrackerSettings& settings, bool compact) {
    auto checked = checked_tracker_settings(tracker, settings);
    if (auto* error = std::get_if<TrackerError>(&checked)) {
        return std::move(*error);
    }
    auto body = body_for(tracker, with_deadline(original), std::get<TrackerSettings>(checked));
    if (auto* error = std::get_if<TrackerError>(&body)) {
        return std::move(*error);
    }
    return serialize_payload(std::get<ordered_json>(body), compact);
}

} // namespace backup_request
