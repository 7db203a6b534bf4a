// The trackers' API descriptions without a network: the create and search calls built for each, the marker
// in each body, and tickets read out of answers shaped as each vendor's reference documents them.
#include "backup_request/trackers/tracker_api.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;

namespace {

const TrackerCredential token{"", "s3cret-token"};

template <typename T> T ok(std::variant<T, TrackerError> result) {
    if (const auto* error = std::get_if<TrackerError>(&result)) {
        FAIL(error->message);
    }
    return std::get<T>(std::move(result));
}

std::string header(const HttpRequest& request, const std::string& name) {
    for (const auto& h : request.headers) {
        if (h.name == name) {
            return h.value;
        }
    }
    return "(none)";
}

} // namespace

TEST_CASE("Every tracker has its description") {
    for (const auto tracker : {Tracker::jira, Tracker::jira_server, Tracker::github, Tracker::gitlab,
                               Tracker::zendesk, Tracker::servicenow, Tracker::redmine}) {
        const TrackerApi& api = tracker_api(tracker);
        CHECK(api.tracker == tracker);
        CHECK_FALSE(api.create_path.empty());
        CHECK(api.search_path.find("{marker}") != std::string_view::npos);
        CHECK_FALSE(api.secret_variables.empty());
    }
    CHECK(tracker_api(Tracker::github).secret_variables.front() == "GH_TOKEN");
    CHECK(tracker_api(Tracker::servicenow).user_variable == "SERVICENOW_USER");
}

TEST_CASE("The marker goes where each tracker keeps it") {
    CHECK(tracker_marker("k3x9q2") == "backup-request-k3x9q2");
    CHECK(ok(body_with_marker(Tracker::github, R"({"title":"T","labels":["ops"]})", "k3x9q2")) ==
          "{\"labels\":[\"ops\",\"backup-request-k3x9q2\"],\"title\":\"T\"}\n");
    CHECK(ok(body_with_marker(Tracker::github, R"({"title":"T"})", "k3x9q2")) ==
          "{\"labels\":[\"backup-request-k3x9q2\"],\"title\":\"T\"}\n");
    // Added once, however often a retry builds the body again.
    const std::string twice = ok(body_with_marker(
        Tracker::github, ok(body_with_marker(Tracker::github, R"({"title":"T"})", "k3x9q2")), "k3x9q2"));
    CHECK(twice == "{\"labels\":[\"backup-request-k3x9q2\"],\"title\":\"T\"}\n");
    CHECK(ok(body_with_marker(Tracker::gitlab, R"({"title":"T","labels":"ops,db"})", "k3x9q2")) ==
          "{\"labels\":\"ops,db,backup-request-k3x9q2\",\"title\":\"T\"}\n");
    CHECK(ok(body_with_marker(Tracker::jira, R"({"fields":{"summary":"S"}})", "k3x9q2")) ==
          "{\"fields\":{\"labels\":[\"backup-request-k3x9q2\"],\"summary\":\"S\"}}\n");
    CHECK(ok(body_with_marker(Tracker::zendesk, R"({"ticket":{"subject":"S"}})", "k3x9q2")) ==
          "{\"ticket\":{\"external_id\":\"backup-request-k3x9q2\",\"subject\":\"S\"}}\n");
    CHECK(ok(body_with_marker(Tracker::servicenow, R"({"short_description":"S"})", "k3x9q2")) ==
          "{\"correlation_id\":\"backup-request-k3x9q2\",\"short_description\":\"S\"}\n");
    CHECK(ok(body_with_marker(Tracker::redmine, R"({"issue":{"description":"Body text."}})", "k3x9q2")) ==
          "{\"issue\":{\"description\":\"Body text.\\n\\nbackup-request-k3x9q2\"}}\n");
    CHECK(std::holds_alternative<TrackerError>(body_with_marker(Tracker::jira, "[1]", "k3x9q2")));
    CHECK(std::holds_alternative<TrackerError>(body_with_marker(Tracker::redmine, "not json", "k3x9q2")));
}

TEST_CASE("The create call per tracker: method, address, credential, body") {
    const auto github = ok(create_ticket_request(Tracker::github, {"", "octo/ops"}, token, "{}\n", "k3x9q2"));
    CHECK(github.method == "POST");
    CHECK(github.url == "https://api.github.com/repos/octo/ops/issues");
    CHECK(header(github, "Authorization") == "Bearer s3cret-token");
    CHECK(header(github, "Accept") == "application/vnd.github+json, application/json");
    CHECK(header(github, "X-GitHub-Api-Version") == "2022-11-28");
    CHECK(header(github, "Content-Type") == "application/json");
    CHECK(github.body == "{}\n");

    const auto enterprise = ok(create_ticket_request(
        Tracker::github, {"https://ghe.example.com/api/v3/", "octo/ops"}, token, "{}", "a"));
    CHECK(enterprise.url == "https://ghe.example.com/api/v3/repos/octo/ops/issues");

    const auto gitlab =
        ok(create_ticket_request(Tracker::gitlab, {"", "group/sub/ops"}, token, "{}", "k3x9q2"));
    CHECK(gitlab.url == "https://gitlab.com/api/v4/projects/group%2Fsub%2Fops/issues");
    CHECK(header(gitlab, "PRIVATE-TOKEN") == "s3cret-token");
    CHECK(header(gitlab, "Authorization") == "(none)");

    const auto jira = ok(create_ticket_request(Tracker::jira, {"https://acme.atlassian.net"},
                                               {"ana@acme.example", "tok"}, "{}", "k3x9q2"));
    CHECK(jira.url == "https://acme.atlassian.net/rest/api/3/issue");
    REQUIRE(jira.basic_auth);
    CHECK(jira.basic_auth->user == "ana@acme.example");
    CHECK(jira.basic_auth->secret == "tok");
    CHECK(header(jira, "Authorization") == "(none)");

    const auto server =
        ok(create_ticket_request(Tracker::jira_server, {"https://jira.acme.example"}, token, "{}", "a"));
    CHECK(server.url == "https://jira.acme.example/rest/api/2/issue");
    CHECK(header(server, "Authorization") == "Bearer s3cret-token");

    const auto zendesk = ok(create_ticket_request(Tracker::zendesk, {"https://acme.zendesk.com"},
                                                  {"ana@acme.example", "tok"}, "{}", "k3x9q2"));
    CHECK(zendesk.url == "https://acme.zendesk.com/api/v2/tickets");
    REQUIRE(zendesk.basic_auth);
    CHECK(zendesk.basic_auth->user == "ana@acme.example/token");
    CHECK(header(zendesk, "Idempotency-Key") == "backup-request-k3x9q2");

    const auto servicenow = ok(create_ticket_request(Tracker::servicenow, {"https://acme.service-now.com"},
                                                     {"svc", "pw"}, "{}", "k3x9q2"));
    CHECK(servicenow.url == "https://acme.service-now.com/api/now/table/incident");
    CHECK(servicenow.basic_auth->user == "svc");

    const auto redmine =
        ok(create_ticket_request(Tracker::redmine, {"http://127.0.0.1:3000", "ops"}, token, "{}", "k3x9q2"));
    CHECK(redmine.url == "http://127.0.0.1:3000/issues.json");
    CHECK(header(redmine, "X-Redmine-API-Key") == "s3cret-token");
}

TEST_CASE("What a tracker needs from the config is named") {
    const auto no_url = create_ticket_request(Tracker::jira, {}, token, "{}", "a");
    REQUIRE(std::holds_alternative<TrackerError>(no_url));
    CHECK(std::get<TrackerError>(no_url).missing_setting);
    CHECK(std::get<TrackerError>(no_url).message ==
          "jira has no public address: give your server's API base with --jira-url URL, or url = "
          "\"https://...\" in the config's [jira]");
    const auto no_repo = create_ticket_request(Tracker::github, {}, token, "{}", "a");
    REQUIRE(std::holds_alternative<TrackerError>(no_repo));
    CHECK(std::get<TrackerError>(no_repo).message ==
          "name the repository: --github-project OWNER/REPO, or project = \"owner/repo\" in the config's "
          "[github]");
}

TEST_CASE("The search for the marker per tracker") {
    CHECK(ok(find_ticket_request(Tracker::github, {"", "octo/ops"}, token, "k3x9q2")).url ==
          "https://api.github.com/repos/octo/ops/issues?state=all&labels=backup-request-k3x9q2");
    CHECK(ok(find_ticket_request(Tracker::gitlab, {"", "42"}, token, "k3x9q2")).url ==
          "https://gitlab.com/api/v4/projects/42/issues?scope=all&labels=backup-request-k3x9q2");
    CHECK(ok(find_ticket_request(Tracker::jira, {"https://acme.atlassian.net"}, token, "k3x9q2")).url ==
          "https://acme.atlassian.net/rest/api/3/search/jql?fields=labels,created&jql="
          "labels%20%3D%20%22backup-request-k3x9q2%22%20ORDER%20BY%20created%20ASC");
    CHECK(ok(find_ticket_request(Tracker::zendesk, {"https://acme.zendesk.com"}, token, "k3x9q2")).url ==
          "https://acme.zendesk.com/api/v2/tickets?external_id=backup-request-k3x9q2");
    CHECK(
        ok(find_ticket_request(Tracker::servicenow, {"https://acme.service-now.com"}, token, "k3x9q2")).url ==
        "https://acme.service-now.com/api/now/table/incident?sysparm_fields=number,sys_id,correlation_id"
        "&sysparm_query=correlation_id%3Dbackup-request-k3x9q2%5EORDERBYsys_created_on");
    CHECK(ok(find_ticket_request(Tracker::redmine, {"http://127.0.0.1:3000", "ops"}, token, "k3x9q2")).url ==
          "http://127.0.0.1:3000/issues.json?project_id=ops&status_id=*&sort=id&set_filter=1&f[]=status_id"
          "&op[status_id]=*&f[]=description&op[description]=~&v[description][]=backup-request-k3x9q2");
    const auto search = ok(find_ticket_request(Tracker::github, {"", "octo/ops"}, token, "k3x9q2"));
    CHECK(search.method == "GET");
    CHECK(search.body.empty());
}

TEST_CASE("The new ticket read from each tracker's documented answer") {
    // GitHub "Create an issue", 201 (trimmed from the reference's example).
    auto ticket = ok(read_created_ticket(Tracker::github, {"", "octocat/Hello-World"},
                                         R"({"id":1,"number":1347,"state":"open","title":"Found a bug",
                                             "html_url":"https://github.com/octocat/Hello-World/issues/1347"})"));
    CHECK(ticket.key == "octocat/Hello-World#1347");
    CHECK(ticket.url == "https://github.com/octocat/Hello-World/issues/1347");
    ticket = ok(read_created_ticket(
        Tracker::gitlab, {"", "group/ops"},
        R"({"id":84,"iid":14,"project_id":4,"web_url":"https://gitlab.com/group/ops/-/issues/14"})"));
    CHECK(ticket.key == "group/ops#14");
    CHECK(ticket.url == "https://gitlab.com/group/ops/-/issues/14");
    ticket = ok(read_created_ticket(
        Tracker::jira, {"https://acme.atlassian.net/"},
        R"({"id":"10000","key":"ED-24","self":"https://acme.atlassian.net/rest/api/3/issue/10000"})"));
    CHECK(ticket.key == "ED-24");
    CHECK(ticket.url == "https://acme.atlassian.net/browse/ED-24");
    ticket = ok(read_created_ticket(
        Tracker::zendesk, {"https://acme.zendesk.com"},
        R"({"ticket":{"id":35436,"url":"https://acme.zendesk.com/api/v2/tickets/35436.json"}})"));
    CHECK(ticket.key == "#35436");
    CHECK(ticket.url == "https://acme.zendesk.com/agent/tickets/35436");
    ticket = ok(read_created_ticket(Tracker::servicenow, {"https://acme.service-now.com"},
                                    R"({"result":{"number":"INC0010001","sys_id":"a1b2c3"}})"));
    CHECK(ticket.key == "INC0010001");
    CHECK(ticket.url == "https://acme.service-now.com/nav_to.do?uri=incident.do%3Fsys_id%3Da1b2c3");
    ticket = ok(read_created_ticket(Tracker::redmine, {"http://127.0.0.1:3000", "ops"},
                                    R"({"issue":{"id":7,"project":{"id":1,"name":"Ops"}}})"));
    CHECK(ticket.key == "#7");
    CHECK(ticket.url == "http://127.0.0.1:3000/issues/7");

    for (const char* answer : {"", "not json", "{}", R"({"issue":{}})", "[]", R"({"number":"x"})"}) {
        CAPTURE(answer);
        CHECK(std::holds_alternative<TrackerError>(
            read_created_ticket(Tracker::redmine, {"http://h", "p"}, answer)));
    }
}

TEST_CASE("A search answer gives the tickets with the marker, oldest first") {
    const auto github = ok(read_found_tickets(Tracker::github, {"", "octo/ops"}, R"([
        {"number":9,"html_url":"https://github.com/octo/ops/issues/9","labels":[{"name":"backup-request-k3x9q2"}]},
        {"number":4,"html_url":"https://github.com/octo/ops/pull/4","labels":[{"name":"backup-request-k3x9q2"}],
         "pull_request":{}},
        {"number":5,"html_url":"https://github.com/octo/ops/issues/5","labels":[{"name":"other"}]},
        {"number":3,"html_url":"https://github.com/octo/ops/issues/3","labels":[{"name":"backup-request-k3x9q2"}]}
    ])",
                                              "k3x9q2"));
    REQUIRE(github.size() == 2);
    CHECK(github[0].key == "octo/ops#3");
    CHECK(github[1].key == "octo/ops#9");
    CHECK(ok(read_found_tickets(Tracker::github, {"", "octo/ops"}, "[]", "k3x9q2")).empty());

    const auto gitlab = ok(read_found_tickets(Tracker::gitlab, {"", "g/ops"},
                                              R"([{"iid":2,"web_url":"https://gitlab.com/g/ops/-/issues/2",
                                                   "labels":["backup-request-k3x9q2","ops"]}])",
                                              "k3x9q2"));
    REQUIRE(gitlab.size() == 1);
    CHECK(gitlab[0].key == "g/ops#2");

    const auto jira = ok(read_found_tickets(Tracker::jira, {"https://acme.atlassian.net"},
                                            R"({"issues":[{"id":"10000","key":"OPS-7",
                                                "fields":{"labels":["backup-request-k3x9q2"]}}]})",
                                            "k3x9q2"));
    REQUIRE(jira.size() == 1);
    CHECK(jira[0].url == "https://acme.atlassian.net/browse/OPS-7");

    const auto zendesk = ok(read_found_tickets(Tracker::zendesk, {"https://acme.zendesk.com"},
                                               R"({"tickets":[{"id":12,"external_id":"backup-request-k3x9q2"},
                                                              {"id":11,"external_id":"backup-request-other"}],
                                                   "count":2})",
                                               "k3x9q2"));
    REQUIRE(zendesk.size() == 1);
    CHECK(zendesk[0].key == "#12");

    const auto servicenow = ok(read_found_tickets(Tracker::servicenow, {"https://acme.service-now.com"},
                                                  R"({"result":[{"number":"INC0010002","sys_id":"ff",
                                                                 "correlation_id":"backup-request-k3x9q2"}]})",
                                                  "k3x9q2"));
    REQUIRE(servicenow.size() == 1);
    CHECK(servicenow[0].key == "INC0010002");

    // Redmine's "contains" also matches a longer id, or the marker quoted inside the text: only a line of its
    // own counts.
    const auto redmine =
        ok(read_found_tickets(Tracker::redmine, {"http://127.0.0.1:3000", "ops"}, R"({"issues":[
        {"id":8,"description":"Text.\n\nbackup-request-k3x9q2"},
        {"id":9,"description":"Text.\n\nbackup-request-k3x9q2x"},
        {"id":10,"description":"see backup-request-k3x9q2 above"},
        {"id":6,"description":"Text.\r\n\r\nbackup-request-k3x9q2\r\n"}
    ],"total_count":4})",
                              "k3x9q2"));
    REQUIRE(redmine.size() == 2);
    CHECK(redmine[0].key == "#6");
    CHECK(redmine[1].key == "#8");

    CHECK(
        std::holds_alternative<TrackerError>(read_found_tickets(Tracker::zendesk, {"https://z"}, "{}", "a")));
    CHECK(std::holds_alternative<TrackerError>(
        read_found_tickets(Tracker::github, {"", "o/r"}, "<html>", "a")));
}

TEST_CASE("A dry run shows the request with its credential masked") {
    auto request =
        ok(create_ticket_request(Tracker::github, {"", "octo/ops"}, token, "{\"title\":\"T\"}\n", "a"));
    CHECK(shown_request(request) == "POST https://api.github.com/repos/octo/ops/issues\n"
                                    "Accept: application/vnd.github+json, application/json\n"
                                    "X-GitHub-Api-Version: 2022-11-28\n"
                                    "Authorization: Bearer ****\n"
                                    "Content-Type: application/json\n"
                                    "\n"
                                    "{\"title\":\"T\"}\n");
    request = ok(create_ticket_request(Tracker::gitlab, {"", "1"}, token, "{}", "a"));
    CHECK(shown_request(request).find("PRIVATE-TOKEN: ****\n") != std::string::npos);
    CHECK(shown_request(request).find("s3cret") == std::string::npos);
    request = ok(create_ticket_request(Tracker::servicenow, {"https://sn"}, {"svc", "pw"}, "{}", "a"));
    CHECK(shown_request(request).find("Authorization: Basic ****\n") != std::string::npos);
    CHECK(shown_request(request).find("pw") == std::string::npos);
}

TEST_CASE("Query values are percent-encoded as RFC 3986 says") {
    CHECK(percent_encoded("aZ09-._~") == "aZ09-._~");
    CHECK(percent_encoded("a b/c=\"d\"^é") == "a%20b%2Fc%3D%22d%22%5E%C3%A9");
    CHECK(percent_encoded("").empty());
}

TEST_CASE("A refusal is read in each tracker's documented error shape") {
    CHECK(tracker_error_text(R"({"errorMessages":[],"errors":{"customfield_10010":"Team is required"}})") ==
          "customfield_10010: Team is required");
    CHECK(tracker_error_text(R"({"errorMessages":["Issue type is required."],"errors":{}})") ==
          "Issue type is required.");
    CHECK(tracker_error_text(
              R"({"message":"Validation Failed","errors":[{"resource":"Issue","code":"missing_field",)"
              R"("field":"title"}]})") == "Validation Failed; title: missing_field");
    CHECK(tracker_error_text(R"({"message":{"title":["can't be blank","is too short"]}})") ==
          "title: can't be blank; title: is too short");
    CHECK(tracker_error_text(R"({"error":"RecordInvalid","description":"Record validation errors","details":)"
                             R"({"requester":[{"description":"Requester: Email is invalid"}]}})") ==
          "RecordInvalid; Record validation errors; requester: Requester: Email is invalid");
    CHECK(tracker_error_text(
              R"({"error":{"message":"Invalid field","detail":"no such group"},"status":"failure"})") ==
          "Invalid field; no such group");
    CHECK(tracker_error_text(R"({"errors":["Subject cannot be blank","Tracker cannot be blank"]})") ==
          "Subject cannot be blank; Tracker cannot be blank");
    // Not JSON, or none of the shapes: nothing to quote.
    CHECK(tracker_error_text("<html>502 Bad Gateway</html>").empty());
    CHECK(tracker_error_text(R"({"ok":true})").empty());
    // One line, however the tracker wrote it, and not a page long.
    CHECK(tracker_error_text(R"({"message":"line one\nline two"})") == "line one line two");
    const std::string long_message = R"({"message":")" + std::string(1000, 'x') + R"("})";
    CHECK(tracker_error_text(long_message).size() <= 303);
}
