// Each tracker's create and search calls, described once as data, and the requests and answers built from
// them (the transport only sends what this builds). Endpoints and answer shapes: GitHub REST "Create an
// issue" / "List repository issues"; GitLab Issues API; Jira Cloud REST v3 (search/jql) and Data Center v2;
// Zendesk Tickets API (external_id, Idempotency-Key); ServiceNow Table API; Redmine REST issues.json.
#include "backup_request/trackers/tracker_api.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <nlohmann/json.hpp>

namespace backup_request {
namespace {

using nlohmann::json;

const std::array<TrackerApi, 7>& apis() {
    static const std::array<TrackerApi, 7> table{{
        {Tracker::jira,
         "",
         "/rest/api/3/issue",
         "/rest/api/3/search/jql?fields=labels,created&jql={marker}",
         TrackerAuth::basic,
         {"JIRA_API_TOKEN"},
         "JIRA_USER",
         TrackerMarker::label,
         false},
        {Tracker::jira_server,
         "",
         "/rest/api/2/issue",
         "/rest/api/2/search?fields=labels,created&jql={marker}",
         TrackerAuth::bearer,
         {"JIRA_API_TOKEN"},
         "",
         TrackerMarker::label,
         false},
        {Tracker::github,
         "https://api.github.com",
         "/repos/{project}/issues",
         "/repos/{project}/issues?state=all&labels={marker}",
         TrackerAuth::bearer,
         {"GH_TOKEN", "GITHUB_TOKEN"},
         "",
         TrackerMarker::label,
         true},
        {Tracker::gitlab,
         "https://gitlab.com/api/v4",
         "/projects/{project}/issues",
         "/projects/{project}/issues?scope=all&labels={marker}",
         TrackerAuth::private_token,
         {"GITLAB_TOKEN"},
         "",
         TrackerMarker::label,
         true},
        {Tracker::zendesk,
         "",
         "/api/v2/tickets",
         "/api/v2/tickets?external_id={marker}",
         TrackerAuth::basic,
         {"ZENDESK_API_TOKEN"},
         "ZENDESK_EMAIL",
         TrackerMarker::external_id,
         false},
        {Tracker::servicenow,
         "",
         "/api/now/table/incident",
         "/api/now/table/incident?sysparm_fields=number,sys_id,correlation_id&sysparm_query={marker}",
         TrackerAuth::basic,
         {"SERVICENOW_PASSWORD"},
         "SERVICENOW_USER",
         TrackerMarker::correlation_id,
         false},
        {Tracker::redmine,
         "",
         "/issues.json",
         "/issues.json?project_id={project}&status_id=*&sort=id&set_filter=1&f[]=status_id&op[status_id]=*"
         "&f[]=description&op[description]=~&v[description][]={marker}",
         TrackerAuth::redmine_key,
         {"REDMINE_API_KEY"},
         "",
         TrackerMarker::description_line,
         true},
    }};
    return table;
}

TrackerError bug(std::string message) {
    return TrackerError{std::move(message), false};
}

TrackerError missing(std::string message) {
    return TrackerError{std::move(message), true};
}

std::string replaced(std::string text, std::string_view placeholder, std::string_view value) {
    for (auto at = text.find(placeholder); at != std::string::npos;
         at = text.find(placeholder, at + value.size())) {
        text.replace(at, placeholder.size(), value);
    }
    return text;
}

std::string without_trailing_slashes(std::string url) {
    while (!url.empty() && url.back() == '/') {
        url.pop_back();
    }
    return url;
}

// What the search asks for: the marker itself, or the tracker's query language around it.
std::string search_value(Tracker tracker, const std::string& marker) {
    switch (tracker) {
    case Tracker::jira:
    case Tracker::jira_server:
        return "labels = \"" + marker + "\" ORDER BY created ASC";
    case Tracker::servicenow:
        return "correlation_id=" + marker + "^ORDERBYsys_created_on";
    default:
        return marker;
    }
}

// A project in a path: GitLab takes "group/ops" as one segment, so its slash is encoded; GitHub's owner/repo
// is two segments and stays as it is.
std::string project_in_path(Tracker tracker, const std::string& project) {
    return tracker == Tracker::gitlab ? percent_encoded(project) : project;
}

// The headers every call carries, and the credential in the tracker's way. Basic auth is left to the
// transport (libcurl encodes it); the request holds the user and secret.
void authorize(HttpRequest& request, Tracker tracker, const TrackerCredential& credential) {
    auto& headers = request.headers;
    // GitHub's own media type first; plain JSON next, which GitHub answers the same and a server that serves
    // GitHub's published description (Prism, a proxy) can match.
    headers.push_back({"Accept", tracker == Tracker::github ? "application/vnd.github+json, application/json"
                                                            : "application/json"});
    if (tracker == Tracker::github) {
        headers.push_back({"X-GitHub-Api-Version", "2022-11-28"});
    }
    switch (tracker_api(tracker).auth) {
    case TrackerAuth::bearer:
        headers.push_back({"Authorization", "Bearer " + credential.secret, true});
        break;
    case TrackerAuth::basic:
        // Zendesk's API tokens authenticate as "EMAIL/token:TOKEN".
        request.basic_auth = BasicAuth{
            tracker == Tracker::zendesk ? credential.user + "/token" : credential.user, credential.secret};
        break;
    case TrackerAuth::private_token:
        headers.push_back({"PRIVATE-TOKEN", credential.secret, true});
        break;
    case TrackerAuth::redmine_key:
        headers.push_back({"X-Redmine-API-Key", credential.secret, true});
        break;
    }
}

std::variant<std::string, TrackerError> checked_url(Tracker tracker, const TrackerTarget& target,
                                                    std::string_view path) {
    const TrackerApi& api = tracker_api(tracker);
    std::string base = without_trailing_slashes(target.base_url.empty() ? std::string(api.default_base_url)
                                                                        : target.base_url);
    const std::string section = "[" + std::string(tracker_name(tracker)) + "]";
    const std::string name(tracker_name(tracker));
    if (base.empty()) {
        return missing(name + " has no public address: give your server's API base with --" + name +
                       "-url URL, or url = \"https://...\" in the config's " + section);
    }
    if (api.needs_project_in_path && target.project.empty()) {
        return missing(
            tracker == Tracker::github
                ? "name the repository: --github-project OWNER/REPO, or project = \"owner/repo\" in "
                  "the config's [github]"
            : tracker == Tracker::gitlab
                ? "name the project: --gitlab-project GROUP/NAME (or its id), or project = "
                  "\"group/name\" in the config's [gitlab]"
                : "name the project: --redmine-project ID, or project = \"identifier\" in the "
                  "config's [redmine]");
    }
    return base + replaced(std::string(path), "{project}", project_in_path(tracker, target.project));
}

json parsed_object(std::string_view text) {
    json value = json::parse(text, nullptr, false);
    return value.is_discarded() ? json() : value;
}

std::string text_of(const json& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_number_integer()) {
        return std::to_string(value.get<long long>());
    }
    return {};
}

const json* member(const json& object, std::string_view pointer) {
    const json::json_pointer path{std::string(pointer)};
    return object.is_object() && object.contains(path) ? &object.at(path) : nullptr;
}

// One ticket as the tracker's item shape holds it.
std::optional<TrackerTicket> ticket_of(Tracker tracker, const std::string& base, const TrackerTarget& target,
                                       const json& item) {
    const auto field = [&item](std::string_view pointer) {
        const json* found = member(item, pointer);
        return found != nullptr ? text_of(*found) : std::string();
    };
    TrackerTicket ticket;
    switch (tracker) {
    case Tracker::jira:
    case Tracker::jira_server:
        ticket.key = field("/key");
        ticket.url = ticket.key.empty() ? std::string() : base + "/browse/" + ticket.key;
        break;
    case Tracker::github: {
        const std::string number = field("/number");
        ticket.key = number.empty() ? std::string() : target.project + "#" + number;
        ticket.url = field("/html_url");
        break;
    }
    case Tracker::gitlab: {
        const std::string iid = field("/iid");
        ticket.key = iid.empty() ? std::string() : target.project + "#" + iid;
        ticket.url = field("/web_url");
        break;
    }
    case Tracker::zendesk: {
        const std::string id = field("/id");
        ticket.key = id.empty() ? std::string() : "#" + id;
        ticket.url = id.empty() ? std::string() : base + "/agent/tickets/" + id;
        break;
    }
    case Tracker::servicenow: {
        ticket.key = field("/number");
        const std::string sys_id = field("/sys_id");
        ticket.url =
            sys_id.empty() ? std::string() : base + "/nav_to.do?uri=incident.do%3Fsys_id%3D" + sys_id;
        break;
    }
    case Tracker::redmine: {
        const std::string id = field("/id");
        ticket.key = id.empty() ? std::string() : "#" + id;
        ticket.url = id.empty() ? std::string() : base + "/issues/" + id;
        break;
    }
    }
    if (ticket.key.empty() || ticket.url.empty()) {
        return std::nullopt;
    }
    return ticket;
}

// Whether a found item really carries the marker (a tracker's filter may be looser than asked: Redmine's
// "contains", a label search that a proxy dropped).
bool carries_marker(Tracker tracker, const json& item, const std::string& marker) {
    switch (tracker_api(tracker).marker) {
    case TrackerMarker::label: {
        const json* labels = member(item, tracker == Tracker::github   ? "/labels"
                                          : tracker == Tracker::gitlab ? "/labels"
                                                                       : "/fields/labels");
        if (labels == nullptr || !labels->is_array()) {
            return false;
        }
        return std::any_of(labels->begin(), labels->end(), [&marker](const json& label) {
            return label == marker || (label.is_object() && label.value("name", "") == marker);
        });
    }
    case TrackerMarker::external_id:
        return item.is_object() && item.value("external_id", json()) == marker;
    case TrackerMarker::correlation_id:
        return item.is_object() && item.value("correlation_id", json()) == marker;
    case TrackerMarker::description_line: {
        const json* description = member(item, "/description");
        if (description == nullptr || !description->is_string()) {
            return false;
        }
        const std::string& text = description->get_ref<const std::string&>();
        const auto at = text.rfind(marker);
        return at != std::string::npos && (at == 0 || text[at - 1] == '\n') &&
               (at + marker.size() == text.size() || text[at + marker.size()] == '\r' ||
                text[at + marker.size()] == '\n');
    }
    }
    return false;
}

} // namespace

const TrackerApi& tracker_api(Tracker tracker) {
    for (const auto& api : apis()) {
        if (api.tracker == tracker) {
            return api;
        }
    }
    return apis().front(); // unreachable: every Tracker has a row (tests/unit/trackers)
}

TrackerTarget tracker_target(Tracker tracker, const TrackerSettings& settings) {
    const TrackerConnection& connection = connection_of(settings, tracker);
    return {connection.url, tracker == Tracker::redmine ? settings.redmine_project : connection.project};
}

std::string tracker_marker(std::string_view request_id) {
    return "backup-request-" + std::string(request_id);
}

std::variant<std::string, TrackerError> body_with_marker(Tracker tracker, std::string_view body,
                                                         std::string_view request_id) {
    json document = parsed_object(body);
    const std::string marker = tracker_marker(request_id);
    const auto add_to_list = [&marker](json& holder, const char* key) {
        json& labels = holder[key];
        if (labels.is_null()) {
            labels = json::array();
        }
        if (labels.is_array() && std::find(labels.begin(), labels.end(), marker) == labels.end()) {
            labels.push_back(marker);
        }
    };
    switch (tracker) {
    case Tracker::jira:
    case Tracker::jira_server:
        if (!document.is_object() || !document["fields"].is_object()) {
            return bug("the Jira body has no fields object");
        }
        add_to_list(document["fields"], "labels");
        break;
    case Tracker::github:
        if (!document.is_object()) {
            return bug("the GitHub body is not an object");
        }
        add_to_list(document, "labels");
        break;
    case Tracker::gitlab: {
        // GitLab takes its labels as one comma-separated string.
        if (!document.is_object()) {
            return bug("the GitLab body is not an object");
        }
        const std::string labels = document.value("labels", std::string());
        document["labels"] = labels.empty() ? marker : labels + "," + marker;
        break;
    }
    case Tracker::zendesk:
        if (!document.is_object() || !document["ticket"].is_object()) {
            return bug("the Zendesk body has no ticket object");
        }
        document["ticket"]["external_id"] = marker;
        break;
    case Tracker::servicenow:
        if (!document.is_object()) {
            return bug("the ServiceNow body is not an object");
        }
        document["correlation_id"] = marker;
        break;
    case Tracker::redmine: {
        if (!document.is_object() || !document["issue"].is_object()) {
            return bug("the Redmine body has no issue object");
        }
        // The marker on a line of its own, last: inert text in Textile and CommonMark, found by "contains".
        json& description = document["issue"]["description"];
        const std::string text = description.is_string() ? description.get<std::string>() : std::string();
        description = text + (text.empty() || text.back() == '\n' ? "\n" : "\n\n") + marker;
        break;
    }
    }
    return document.dump() + "\n";
}

std::variant<HttpRequest, TrackerError> create_ticket_request(Tracker tracker, const TrackerTarget& target,
                                                              const TrackerCredential& credential,
                                                              std::string body, std::string_view request_id,
                                                              std::size_t tickets_before) {
    auto url = checked_url(tracker, target, tracker_api(tracker).create_path);
    if (auto* error = std::get_if<TrackerError>(&url)) {
        return std::move(*error);
    }
    HttpRequest request{"POST", std::move(std::get<std::string>(url))};
    authorize(request, tracker, credential);
    request.headers.push_back({"Content-Type", "application/json"});
    request.body = std::move(body);
    if (tracker == Tracker::zendesk) {
        // Zendesk answers a repeated key within two hours with the first ticket instead of a second.
        request.headers.push_back(
            {"Idempotency-Key",
             tracker_marker(request_id) +
                 (tickets_before == 0 ? std::string() : "-again-" + std::to_string(tickets_before))});
    }
    return request;
}

std::variant<HttpRequest, TrackerError> find_ticket_request(Tracker tracker, const TrackerTarget& target,
                                                            const TrackerCredential& credential,
                                                            std::string_view request_id) {
    auto url = checked_url(tracker, target, tracker_api(tracker).search_path);
    if (auto* error = std::get_if<TrackerError>(&url)) {
        return std::move(*error);
    }
    const std::string value = percent_encoded(search_value(tracker, tracker_marker(request_id)));
    HttpRequest request{"GET", replaced(std::move(std::get<std::string>(url)), "{marker}", value)};
    authorize(request, tracker, credential);
    return request;
}

std::variant<TrackerTicket, TrackerError> read_created_ticket(Tracker tracker, const TrackerTarget& target,
                                                              std::string_view answer) {
    const json document = parsed_object(answer);
    const std::string base = without_trailing_slashes(
        target.base_url.empty() ? std::string(tracker_api(tracker).default_base_url) : target.base_url);
    const char* holder = tracker == Tracker::zendesk      ? "/ticket"
                         : tracker == Tracker::servicenow ? "/result"
                         : tracker == Tracker::redmine    ? "/issue"
                                                          : "";
    const json* item = member(document, holder);
    if (item != nullptr) {
        if (auto ticket = ticket_of(tracker, base, target, *item)) {
            return *ticket;
        }
    }
    return TrackerError{std::string(tracker_name(tracker)) +
                            " answered the create call without the new ticket's key (is url the API's base?)",
                        false};
}

std::variant<std::vector<TrackerTicket>, TrackerError> read_found_tickets(Tracker tracker,
                                                                          const TrackerTarget& target,
                                                                          std::string_view answer,
                                                                          std::string_view request_id) {
    const json document = parsed_object(answer);
    const char* list = tracker == Tracker::jira || tracker == Tracker::jira_server ? "/issues"
                       : tracker == Tracker::zendesk                               ? "/tickets"
                       : tracker == Tracker::servicenow                            ? "/result"
                       : tracker == Tracker::redmine                               ? "/issues"
                                                                                   : "";
    const json* items = member(document, list);
    if (items == nullptr && document.is_array() && *list == '\0') {
        items = &document;
    }
    if (items == nullptr || !items->is_array()) {
        return TrackerError{
            std::string(tracker_name(tracker)) + " answered the search without a list of tickets", false};
    }
    const std::string base = without_trailing_slashes(
        target.base_url.empty() ? std::string(tracker_api(tracker).default_base_url) : target.base_url);
    const std::string marker = tracker_marker(request_id);
    std::vector<std::pair<long long, TrackerTicket>> found;
    long long position = 0;
    for (const json& item : *items) {
        ++position;
        if (tracker == Tracker::github && item.is_object() && item.contains("pull_request")) {
            continue; // GitHub lists pull requests among issues
        }
        if (!carries_marker(tracker, item, marker)) {
            continue;
        }
        if (auto ticket = ticket_of(tracker, base, target, item)) {
            // Oldest first: by the tracker's number where it has one, else in the order answered.
            const char* number_field = tracker == Tracker::github   ? "/number"
                                       : tracker == Tracker::gitlab ? "/iid"
                                       : tracker == Tracker::zendesk || tracker == Tracker::redmine ? "/id"
                                                                                                    : nullptr;
            const json* number = number_field != nullptr ? member(item, number_field) : nullptr;
            const long long order =
                number != nullptr && number->is_number_integer() ? number->get<long long>() : position;
            found.emplace_back(order, std::move(*ticket));
        }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<TrackerTicket> tickets;
    tickets.reserve(found.size());
    for (auto& entry : found) {
        tickets.push_back(std::move(entry.second));
    }
    return tickets;
}

std::string tracker_error_text(std::string_view answer) {
    const json document = parsed_object(answer);
    std::vector<std::string> parts;
    const auto add = [&parts](std::string part) {
        if (!part.empty() && std::find(parts.begin(), parts.end(), part) == parts.end()) {
            parts.push_back(std::move(part));
        }
    };
    // A value that is a message: a string, a list of them, an object of field: message(s), or an object
    // with message/description/detail.
    const std::function<void(const json&, const std::string&)> collect = [&](const json& value,
                                                                             const std::string& field) {
        const std::string prefix = field.empty() ? "" : field + ": ";
        if (value.is_string()) {
            add(prefix + value.get<std::string>());
        } else if (value.is_array()) {
            for (const json& item : value) {
                collect(item, field);
            }
        } else if (value.is_object()) {
            bool said = false;
            for (const char* key : {"message", "description", "detail"}) {
                if (const auto found = value.find(key); found != value.end() && found->is_string()) {
                    std::string text = found->get<std::string>();
                    // GitHub: {"resource":"Issue","field":"title","code":"missing_field"} has no message.
                    add(prefix + text);
                    said = true;
                }
            }
            if (!said && value.contains("field") && value.contains("code")) {
                add(prefix + text_of(value["field"]) + ": " + text_of(value["code"]));
                said = true;
            }
            if (!said) {
                for (const auto& [key, inner] : value.items()) {
                    collect(inner, field.empty() ? key : field + "." + key);
                }
            }
        }
    };
    if (document.is_object()) {
        for (const char* key : {"errorMessages", "message", "error", "description", "errors", "details"}) {
            if (const auto found = document.find(key); found != document.end()) {
                collect(*found, "");
            }
        }
    }
    std::string text;
    for (const auto& part : parts) {
        text += (text.empty() ? "" : "; ") + part;
    }
    for (char& c : text) {
        if (c == '\n' || c == '\r' || c == '\t') {
            c = ' ';
        }
    }
    return text.size() > 300 ? cut_to_characters(text, 300) : text;
}

std::string shown_request(const HttpRequest& request) {
    std::string out = request.method + " " + request.url + "\n";
    if (request.basic_auth) {
        out += "Authorization: Basic ****\n";
    }
    for (const auto& header : request.headers) {
        std::string value = header.value;
        if (header.secret) {
            // The scheme stays readable ("Bearer ****"); the credential never shows.
            const auto space = value.find(' ');
            value = (header.name == "Authorization" && space != std::string::npos ? value.substr(0, space + 1)
                                                                                  : std::string()) +
                    "****";
        }
        out += header.name + ": " + value + "\n";
    }
    if (!request.body.empty()) {
        out += "\n" + request.body;
        if (request.body.back() != '\n') {
            out += "\n";
        }
    }
    return out;
}

std::string percent_encoded(std::string_view text) {
    static constexpr std::string_view hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                                (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' || byte == '_' ||
                                byte == '~';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += hex[byte >> 4U];
            out += hex[byte & 15U];
        }
    }
    return out;
}

} // namespace backup_request
