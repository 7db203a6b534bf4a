// The trackers' flags: the body's settings, each tracker's connection, and the submission's own.
#include "tracker_flags.hpp"

#include "backup_request/trackers/tracker_api.hpp"
#include "option_checks.hpp"

#include <array>

namespace backup_request {

// The tracker settings, as flags named after the --format value and the tracker's own key; the config file's
// [jira], [github], ... tables set the same flags.
void add_tracker_flags(CLI::App& command, TrackerSettings& settings) {
    const std::string group = "Tracker settings (for --format jira, jira-server, github, gitlab, zendesk, "
                              "servicenow, redmine)";
    const auto text = [&](const char* flag, std::string& value, const char* help, const char* type) {
        command.add_option(flag, value, help)->type_name(type)->group(group);
    };
    const auto list = [&](const char* flag, std::vector<std::string>& values, const char* help) {
        command.add_option(flag, values, help)->type_name("NAME")->delimiter(',')->group(group);
    };
    text("--jira-project", settings.jira_project, "Jira project key (required for jira and jira-server)",
         "KEY");
    text("--jira-issue-type", settings.jira_issue_type, "Jira issue type (default Task)", "NAME");
    list("--jira-labels", settings.jira_labels, "Jira labels, comma-separated");
    text("--jira-priority", settings.jira_priority, "Jira priority name", "NAME");
    command
        .add_option(
            "--jira-field", settings.jira_fields,
            "A field the Jira project requires, NAME=VALUE (VALUE as JSON when it is JSON); repeatable")
        ->type_name("NAME=VALUE")
        ->group(group);
    list("--github-labels", settings.github_labels, "GitHub labels, comma-separated");
    list("--github-assignees", settings.github_assignees, "GitHub logins to assign, comma-separated");
    list("--gitlab-labels", settings.gitlab_labels, "GitLab labels, comma-separated");
    command.add_option("--zendesk-type", settings.zendesk_type, "Zendesk ticket type (a task gets due_at)")
        ->type_name("TYPE")
        ->check(CLI::IsMember({"problem", "incident", "question", "task"}))
        ->group(group);
    command.add_option("--zendesk-priority", settings.zendesk_priority, "Zendesk priority")
        ->type_name("PRIORITY")
        ->check(CLI::IsMember({"low", "normal", "high", "urgent"}))
        ->group(group);
    list("--zendesk-tags", settings.zendesk_tags, "Zendesk tags, comma-separated");
    text("--servicenow-assignment-group", settings.servicenow_assignment_group, "ServiceNow assignment group",
         "GROUP");
    text("--servicenow-caller", settings.servicenow_caller, "ServiceNow caller (caller_id)", "USER");
    command.add_option("--servicenow-urgency", settings.servicenow_urgency, "ServiceNow urgency: 1, 2 or 3")
        ->type_name("N")
        ->check(CLI::IsMember({"1", "2", "3"}))
        ->group(group);
    command.add_option("--servicenow-impact", settings.servicenow_impact, "ServiceNow impact: 1, 2 or 3")
        ->type_name("N")
        ->check(CLI::IsMember({"1", "2", "3"}))
        ->group(group);
    text("--redmine-project", settings.redmine_project,
         "Redmine project id or identifier (required for redmine)", "ID");
    text("--redmine-tracker", settings.redmine_tracker, "Redmine tracker id", "ID");
    text("--redmine-priority", settings.redmine_priority, "Redmine priority id", "ID");
    command
        .add_option("--redmine-text-formatting", settings.redmine_text_formatting,
                    "The Redmine server's text formatting (Administration > Settings > General): textile or "
                    "common_mark; the description is written to be literal under it")
        ->type_name("NAME")
        ->check(CLI::IsMember({"textile", "common_mark"}))
        ->default_str("textile")
        ->group(group);
}

namespace {

std::string tracker_display_name(Tracker tracker) {
    switch (tracker) {
    case Tracker::jira:
        return "Jira Cloud site";
    case Tracker::jira_server:
        return "Jira Data Center";
    case Tracker::github:
        return "GitHub";
    case Tracker::gitlab:
        return "GitLab";
    case Tracker::zendesk:
        return "Zendesk";
    case Tracker::servicenow:
        return "ServiceNow instance";
    case Tracker::redmine:
        return "Redmine";
    }
    return "tracker";
}

} // namespace

void add_tracker_connection_flags(CLI::App& command, TrackerSettings& settings) {
    const std::string group = "Tracker connection (for submit and create --submit; docs/ticketing.md)";
    for (const Tracker tracker : {Tracker::jira, Tracker::jira_server, Tracker::github, Tracker::gitlab,
                                  Tracker::zendesk, Tracker::servicenow, Tracker::redmine}) {
        const std::string name(tracker_name(tracker));
        const TrackerApi& api = tracker_api(tracker);
        TrackerConnection& connection = connection_of(settings, tracker);
        command
            .add_option("--" + name + "-url", connection.url,
                        api.default_base_url.empty()
                            ? "Your " + tracker_display_name(tracker) +
                                  "'s address, the API's base (https://...)"
                            : tracker_display_name(tracker) + "'s API base (default " +
                                  std::string(api.default_base_url) +
                                  "; yours for an Enterprise or self-managed server)")
            ->type_name("URL")
            ->check(non_empty("an address like https://tracker.example.com"))
            ->group(group);
        if (tracker == Tracker::github || tracker == Tracker::gitlab) {
            command
                .add_option("--" + name + "-project", connection.project,
                            tracker == Tracker::github ? "The repository: OWNER/REPO"
                                                       : "The project: GROUP/NAME or its numeric id")
                ->type_name(tracker == Tracker::github ? "OWNER/REPO" : "PROJECT")
                ->check(non_empty("a project like group/ops"))
                ->group(group);
        }
        if (api.auth == TrackerAuth::basic) {
            command
                .add_option("--" + name + "-user", connection.user,
                            tracker == Tracker::servicenow
                                ? "The ServiceNow user to sign in as (env SERVICENOW_USER)"
                                : "The account's e-mail (env " + std::string(api.user_variable) + ")")
                ->type_name("USER")
                ->check(non_empty("the account's name"))
                ->group(group);
        }
        std::string variables;
        for (const auto variable : api.secret_variables) {
            variables += (variables.empty() ? "" : " or ") + std::string(variable);
        }
        command
            .add_option("--" + name + "-token-command", connection.token_command,
                        "A command that prints the secret, when " + variables + " is not set")
            ->type_name("COMMAND")
            ->check(non_empty("a command that prints the secret"))
            ->group(group);
    }
}

void add_submit_flags(CLI::App& command, SubmitSettings& settings, const std::string& group) {
    command
        .add_option("--timeout", settings.timeout_seconds,
                    "Give up after this many seconds in all, waits for a rate limit included")
        ->type_name("SECONDS")
        ->transform(whole_number_in(1, 600, "seconds"))
        ->default_str("30")
        ->group(group);
    command
        .add_option("--ca-file", settings.ca_file,
                    "Trust this CA bundle (PEM) for the tracker's certificate, for a private CA")
        ->type_name("PATH")
        ->check(non_empty("a PEM file"))
        ->group(group);
    command.add_flag("--again", settings.again, "Open another ticket for a request that already has one")
        ->group(group);
}

} // namespace backup_request
