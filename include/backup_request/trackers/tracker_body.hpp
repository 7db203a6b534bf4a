// The exact JSON bodies that open a ticket in the trackers teams use. Each body carries the case document in
// the tracker's own markup, a title within the tracker's limit, and the deadline in the tracker's own
// due-date field where it has one.
#pragma once

#include "backup_request/output/case_document.hpp"
#include "backup_request/text/grapheme_clusters.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace backup_request {

enum class Tracker { jira, jira_server, github, gitlab, zendesk, servicenow, redmine };

// The --format value of each tracker ("jira-server"), and back.
[[nodiscard]] std::string_view tracker_name(Tracker tracker);
[[nodiscard]] std::optional<Tracker> tracker_named(std::string_view name);

// Where a tracker is and how to sign in to it, for `submit` (the secret itself is never a setting).
struct TrackerConnection {
    std::string url{};     // the API's base; empty: the tracker's public one (GitHub, GitLab) or none
    std::string project{}; // GitHub's owner/repo, GitLab's group/name or id (Jira and Redmine: their keys)
    std::string user{};    // basic auth's account: Jira Cloud's or Zendesk's e-mail, ServiceNow's user
    std::string token_command{}; // prints the secret when no environment variable holds it
};

// Per-tracker settings, in each tracker's own vocabulary; empty means "not given".
struct TrackerSettings {
    std::string jira_project, jira_issue_type = "Task", jira_priority;
    std::vector<std::string> jira_labels;
    // --jira-field NAME=VALUE: a field the project requires ("customfield_10010={\"id\":\"42\"}"); VALUE is
    // JSON when it parses as JSON, else text.
    std::vector<std::string> jira_fields;
    std::vector<std::string> github_labels, github_assignees;
    std::vector<std::string> gitlab_labels;
    std::string zendesk_type, zendesk_priority;
    std::vector<std::string> zendesk_tags;
    std::string servicenow_assignment_group, servicenow_caller, servicenow_urgency, servicenow_impact;
    std::string redmine_project, redmine_tracker, redmine_priority;
    std::string redmine_text_formatting =
        "textile"; // the server's Setting.text_formatting: textile or common_mark
    std::array<TrackerConnection, 7> connections{}; // by Tracker
};

[[nodiscard]] inline TrackerConnection& connection_of(TrackerSettings& settings, Tracker tracker) {
    return settings.connections.at(static_cast<std::size_t>(tracker));
}
[[nodiscard]] inline const TrackerConnection& connection_of(const TrackerSettings& settings,
                                                            Tracker tracker) {
    return settings.connections.at(static_cast<std::size_t>(tracker));
}

struct TrackerError {
    std::string message;
    bool missing_setting = false; // a setting the tracker requires was not given (a usage error)
};

// `settings` as `tracker` takes them: values and list items trimmed, GitHub logins without a leading '@', and
// what the tracker would refuse (a blank value, a Jira label or Zendesk tag with a space, a GitHub login it
// cannot have, a Redmine id that is not a number) a TrackerError naming the flag (a usage error).
[[nodiscard]] std::variant<TrackerSettings, TrackerError> checked_tracker_settings(Tracker tracker,
                                                                                   TrackerSettings settings);

// The request body for `tracker`'s create-issue API, as compact or indented JSON with a final newline.
[[nodiscard]] std::variant<std::string, TrackerError>
tracker_body(Tracker tracker, const CaseDocument& original, const TrackerSettings& settings, bool compact);

// `text` cut to at most `limit` units (the tracker's way of counting) at a boundary a reader sees between two
// characters (a grapheme cluster, or one of visible_text's escapes), with "…" when cut.
[[nodiscard]] std::string cut_to_characters(std::string_view text, std::size_t limit,
                                            LengthUnit unit = LengthUnit::code_points);

} // namespace backup_request
