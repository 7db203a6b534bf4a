// What each tracker's web API needs to open a ticket exactly once, described as data (issue 26): where the
// create call goes, how the credential is sent, the marker that carries the request's id so a retry can find
// the ticket instead of opening a second, the search for that marker, and where the answer holds the ticket's
// key and address. Pure: it builds HTTP requests as values and reads answers as text; sending is the
// transport's job.
#pragma once

#include "backup_request/trackers/tracker_body.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace backup_request {

struct HttpHeader {
    std::string name;
    std::string value;
    bool secret = false; // holds the credential: masked wherever the request is shown
};

struct BasicAuth {
    std::string user;
    std::string secret;
};

struct HttpRequest {
    std::string method; // "POST", "GET"
    std::string url;
    std::vector<HttpHeader> headers{};
    std::string body{};                    // empty for GET
    std::optional<BasicAuth> basic_auth{}; // sent as Authorization: Basic by the transport
};

// How a tracker takes its credential.
enum class TrackerAuth {
    bearer, // Authorization: Bearer TOKEN (GitHub, Jira Data Center's personal access tokens)
    basic,  // Authorization: Basic (Jira Cloud, ServiceNow; Zendesk's EMAIL/token), encoded by the transport
    private_token, // PRIVATE-TOKEN: TOKEN (GitLab)
    redmine_key,   // X-Redmine-API-Key: KEY (Redmine)
};

// Where the request's id travels in the ticket, so the tracker can be asked for it.
enum class TrackerMarker {
    label,            // a label backup-request-ID (Jira, GitHub, GitLab)
    external_id,      // Zendesk's ticket.external_id, with the same id as its Idempotency-Key header
    correlation_id,   // ServiceNow's correlation_id
    description_line, // a line "backup-request: ID" ending Redmine's description
};

struct TrackerApi {
    Tracker tracker;
    std::string_view default_base_url; // empty: the team's own server, which the config must name (url)
    std::string_view create_path;      // appended to the base; {project} is the target's project
    std::string_view search_path;      // the same, with {marker} (percent-encoded in a query)
    TrackerAuth auth;
    std::vector<std::string_view> secret_variables; // where the credential is looked for, in order
    std::string_view user_variable;                 // the account's name for basic auth; empty when none
    TrackerMarker marker;
    bool needs_project_in_path; // GitHub owner/repo, GitLab group/project: the config's project
};

[[nodiscard]] const TrackerApi& tracker_api(Tracker tracker);

// Where a ticket goes: the API's base and, where the path names it, the project ("octo/ops" on GitHub,
// "group/ops" or 42 on GitLab).
struct TrackerTarget {
    std::string base_url;
    std::string project{};
};

// The target `settings` name for `tracker`: its url, and the project its paths need (GitHub's and GitLab's
// from their connection, Redmine's from --redmine-project).
[[nodiscard]] TrackerTarget tracker_target(Tracker tracker, const TrackerSettings& settings);

struct TrackerCredential {
    std::string user{}; // for basic auth (Jira Cloud's e-mail, ServiceNow's user); Zendesk adds "/token"
    std::string secret{};
};

// "backup-request-k3x9q2": the label, external id or description line's value for a request id.
[[nodiscard]] std::string tracker_marker(std::string_view request_id);

// `body` (a tracker_body) with the request's marker added where `tracker` keeps it; a body that is not the
// tracker's shape is a TrackerError (a bug, not the user's).
[[nodiscard]] std::variant<std::string, TrackerError> body_with_marker(Tracker tracker, std::string_view body,
                                                                       std::string_view request_id);

// The create call with `body` (already carrying the marker), and the search for a ticket with the marker. A
// target without the base URL or the project the tracker needs is a TrackerError naming the config key.
// `tickets_before`: how many tickets the request already has (submit --again), so Zendesk's Idempotency-Key
// asks for a new one instead of answering with the first.
[[nodiscard]] std::variant<HttpRequest, TrackerError>
create_ticket_request(Tracker tracker, const TrackerTarget& target, const TrackerCredential& credential,
                      std::string body, std::string_view request_id, std::size_t tickets_before = 0);
[[nodiscard]] std::variant<HttpRequest, TrackerError> find_ticket_request(Tracker tracker,
                                                                          const TrackerTarget& target,
                                                                          const TrackerCredential& credential,
                                                                          std::string_view request_id);

struct TrackerTicket {
    std::string key; // what `mark --ticket` records: "OPS-123", "octo/ops#12", "INC0010001", "#42"
    std::string url; // where a person opens it
};

// The ticket in a create call's successful answer; a TrackerError when the answer does not hold one.
[[nodiscard]] std::variant<TrackerTicket, TrackerError>
read_created_ticket(Tracker tracker, const TrackerTarget& target, std::string_view answer);

// The tickets a search answer holds that carry `request_id`'s marker, oldest first (a second one would be a
// duplicate someone made by hand; the first is the one adopted).
[[nodiscard]] std::variant<std::vector<TrackerTicket>, TrackerError>
read_found_tickets(Tracker tracker, const TrackerTarget& target, std::string_view answer,
                   std::string_view request_id);

// What a tracker said when it refused a call, from the error shapes the trackers document (Jira's
// errorMessages and errors map, GitHub's message and errors, GitLab's message map, Zendesk's details,
// ServiceNow's error.message and detail, Redmine's errors list): one line, at most about 300 characters;
// empty when the answer holds none of them.
[[nodiscard]] std::string tracker_error_text(std::string_view answer);

// The request as --dry-run shows it: method and URL, the headers (credentials masked), a blank line, the
// body.
[[nodiscard]] std::string shown_request(const HttpRequest& request);

// RFC 3986: every byte but the unreserved characters as %XX, for a query value.
[[nodiscard]] std::string percent_encoded(std::string_view text);

} // namespace backup_request
