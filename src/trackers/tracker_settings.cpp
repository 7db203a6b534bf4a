// A tracker's settings as the tracker will take them: trimmed, logins without their '@', and what the tracker
// would refuse (a Jira label with a space, a GitHub login it cannot have) refused here, naming the flag.
#include "backup_request/text/ascii_text.hpp"
#include "backup_request/text/utf8_text.hpp"
#include "backup_request/trackers/tracker_body.hpp"

#include <algorithm>
#include <cctype>

namespace backup_request {
namespace {

bool has_whitespace(std::string_view text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
}

// A GitHub login: letters, digits and single inner hyphens, at most 39.
bool is_github_login(std::string_view login) {
    return !login.empty() && login.size() <= 39 && login.front() != '-' && login.back() != '-' &&
           login.find("--") == std::string_view::npos && std::all_of(login.begin(), login.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-';
           });
}

struct Checker {
    std::optional<TrackerError> error;

    void fail(const std::string& flag, const std::string& message) {
        if (!error) {
            error = TrackerError{flag + ": " + message, true};
        }
    }

    // Trims a single value; given as blank it is refused, since a blank setting is a slip, not a choice.
    void text(const std::string& flag, std::string& value, bool given_blank) {
        value = std::string(trim_whitespace(value));
        if (given_blank && value.empty()) {
            fail(flag, "it is blank: give a value, or leave the flag out");
        } else if (find_invalid_utf8(value) || find_control_character(value)) {
            fail(flag, "it holds control characters or invalid UTF-8");
        }
    }

    // Trims every item; an empty item (`a,,b`) is refused.
    void list(const std::string& flag, std::vector<std::string>& values, std::string_view what) {
        for (auto& value : values) {
            value = std::string(trim_whitespace(value));
            if (value.empty()) {
                fail(flag, "an empty " + std::string(what) + " in the list: remove the extra comma");
            } else if (find_invalid_utf8(value) || find_control_character(value)) {
                fail(flag, "a " + std::string(what) + " holds control characters or invalid UTF-8");
            }
        }
    }
};

// Given, a value may not be blank: that is a slip, not a choice.
bool given(const std::string& value) {
    return !value.empty();
}

void check_jira(Checker& check, TrackerSettings& settings) {
    check.text("--jira-project", settings.jira_project, given(settings.jira_project));
    if (has_whitespace(settings.jira_project)) {
        check.fail("--jira-project", "'" + settings.jira_project + "' is not a project key (no spaces)");
    }
    check.text("--jira-issue-type", settings.jira_issue_type, given(settings.jira_issue_type));
    check.text("--jira-priority", settings.jira_priority, given(settings.jira_priority));
    check.list("--jira-field", settings.jira_fields, "field");
    for (const auto& field : settings.jira_fields) {
        const auto equals = field.find('=');
        if (equals == std::string::npos || equals == 0 || has_whitespace(field.substr(0, equals))) {
            check.fail("--jira-field", "'" + field + "' is not NAME=VALUE (like customfield_10010=42)");
        }
    }
    check.list("--jira-labels", settings.jira_labels, "label");
    for (const auto& label : settings.jira_labels) {
        if (has_whitespace(label)) {
            check.fail("--jira-labels", "Jira labels cannot hold spaces: '" + label + "' (use - or _)");
        } else if (count_code_points(label) > 255) {
            check.fail("--jira-labels", "a Jira label is at most 255 characters");
        }
    }
}

void check_github(Checker& check, TrackerSettings& settings) {
    check.list("--github-labels", settings.github_labels, "label");
    for (const auto& label : settings.github_labels) {
        if (count_code_points(label) > 50) {
            check.fail("--github-labels", "a GitHub label name is at most 50 characters: '" + label + "'");
        }
    }
    check.list("--github-assignees", settings.github_assignees, "login");
    for (auto& login : settings.github_assignees) {
        if (login.starts_with('@')) {
            login.erase(0, 1); // "@bob" as people write it in a comment; the API wants "bob"
        }
        if (!login.empty() && !is_github_login(login)) {
            check.fail("--github-assignees",
                       "'" + login +
                           "' is not a GitHub login (letters, digits and single hyphens, at most 39)");
        }
    }
}

void check_zendesk(Checker& check, TrackerSettings& settings) {
    check.list("--zendesk-tags", settings.zendesk_tags, "tag");
    for (const auto& tag : settings.zendesk_tags) {
        if (has_whitespace(tag)) {
            check.fail("--zendesk-tags", "Zendesk tags cannot hold spaces: '" + tag + "' (use _)");
        }
    }
}

void check_redmine(Checker& check, TrackerSettings& settings) {
    check.text("--redmine-project", settings.redmine_project, given(settings.redmine_project));
    if (has_whitespace(settings.redmine_project)) {
        check.fail("--redmine-project",
                   "'" + settings.redmine_project + "' is not a project id or identifier (no spaces)");
    }
    for (const auto& [flag, id] : {std::pair{"--redmine-tracker", &settings.redmine_tracker},
                                   std::pair{"--redmine-priority", &settings.redmine_priority}}) {
        check.text(flag, *id, given(*id));
        if (!id->empty() && !all_digits(*id)) {
            check.fail(
                flag, "'" + *id +
                          "' is not a Redmine id: give the number (Administration > Trackers, Enumerations)");
        }
    }
}

} // namespace

std::variant<TrackerSettings, TrackerError> checked_tracker_settings(Tracker tracker,
                                                                     TrackerSettings settings) {
    Checker check;
    switch (tracker) {
    case Tracker::jira:
    case Tracker::jira_server:
        check_jira(check, settings);
        break;
    case Tracker::github:
        check_github(check, settings);
        break;
    case Tracker::gitlab:
        check.list("--gitlab-labels", settings.gitlab_labels, "label");
        break;
    case Tracker::zendesk:
        check_zendesk(check, settings);
        break;
    case Tracker::servicenow:
        check.text("--servicenow-assignment-group", settings.servicenow_assignment_group,
                   given(settings.servicenow_assignment_group));
        check.text("--servicenow-caller", settings.servicenow_caller, given(settings.servicenow_caller));
        break;
    case Tracker::redmine:
        check_redmine(check, settings);
        break;
    }
    if (check.error) {
        return std::move(*check.error);
    }
    return settings;
}

} // namespace backup_request
