// Where a tracker's credential is found: its variables first, then token_command; the account's name for
// basic auth; each missing piece named.
#include "backup_request/trackers/tracker_credential_source.hpp"

#include <catch2/catch.hpp>
#include <map>

using namespace backup_request;

namespace {

VariableLookup variables(std::map<std::string, std::string> values) {
    return [values](const std::string& name) -> std::optional<std::string> {
        const auto found = values.find(name);
        return found == values.end() ? std::nullopt : std::optional<std::string>(found->second);
    };
}

CommandRunner printing(std::string output, std::vector<std::string>* ran = nullptr) {
    return [output, ran](const std::string& command) -> std::variant<std::string, CommandFailureText> {
        if (ran != nullptr) {
            ran->push_back(command);
        }
        return output;
    };
}

CommandRunner failing(std::string message) {
    return [message](const std::string&) -> std::variant<std::string, CommandFailureText> {
        return CommandFailureText{message};
    };
}

std::string problem(const std::variant<TrackerCredential, CredentialProblem>& found) {
    const auto* failed = std::get_if<CredentialProblem>(&found);
    return failed == nullptr ? std::string() : failed->message;
}

} // namespace

TEST_CASE("The tracker's variables come first, in their order, and token_command is not run then") {
    std::vector<std::string> ran;
    const auto found = find_credential(Tracker::github, {"", "pass show gh"},
                                       variables({{"GITHUB_TOKEN", "second"}, {"GH_TOKEN", " first\n"}}),
                                       printing("from-command\n", &ran));
    REQUIRE(std::holds_alternative<TrackerCredential>(found));
    CHECK(std::get<TrackerCredential>(found).secret == "first");
    CHECK(ran.empty());
    // An empty variable is not set.
    const auto second = find_credential(Tracker::github, {},
                                        variables({{"GH_TOKEN", ""}, {"GITHUB_TOKEN", "b"}}), printing(""));
    CHECK(std::get<TrackerCredential>(second).secret == "b");
}

TEST_CASE("token_command's first line is the secret") {
    std::vector<std::string> ran;
    const auto found = find_credential(Tracker::gitlab, {"", "pass show gitlab"}, variables({}),
                                       printing("glpat-x \nuser\n", &ran));
    CHECK(std::get<TrackerCredential>(found).secret == "glpat-x");
    CHECK(ran == std::vector<std::string>{"pass show gitlab"});
    CHECK(
        problem(find_credential(Tracker::gitlab, {"", "true"}, variables({}), printing("\nlate\n"))) ==
        "[gitlab] token_command printed nothing on its first line; it must print the credential (and nothing "
        "before it) on stdout");
    CHECK(
        problem(find_credential(Tracker::redmine, {"", "false"}, variables({}),
                                failing("exited with status 1"))) ==
        "[redmine] token_command exited with status 1; run it yourself to see why, or set REDMINE_API_KEY in "
        "the environment, or token_command in the config's [redmine]");
}

TEST_CASE("A missing credential names where to put it") {
    CHECK(problem(find_credential(Tracker::github, {}, variables({}), printing("x"))) ==
          "no credential for github: set GH_TOKEN (or GITHUB_TOKEN) in the environment, or token_command in "
          "the "
          "config's [github]");
    CHECK(credential_hint(Tracker::servicenow) ==
          "set SERVICENOW_PASSWORD in the environment, or token_command in the config's [servicenow]");
}

TEST_CASE("Basic auth needs the account's name, from the config or the tracker's variable") {
    CHECK(problem(find_credential(Tracker::jira, {}, variables({{"JIRA_API_TOKEN", "t"}}), printing(""))) ==
          "jira signs in with the account's e-mail and a secret: set JIRA_USER, or user = \"...\" in the "
          "config's [jira]");
    const auto from_variable = find_credential(
        Tracker::zendesk, {}, variables({{"ZENDESK_API_TOKEN", "t"}, {"ZENDESK_EMAIL", "ops@acme.example"}}),
        printing(""));
    CHECK(std::get<TrackerCredential>(from_variable).user == "ops@acme.example");
    const auto from_config = find_credential(
        Tracker::servicenow, {"svc.backup", ""},
        variables({{"SERVICENOW_PASSWORD", "p"}, {"SERVICENOW_USER", "other"}}), printing(""));
    CHECK(std::get<TrackerCredential>(from_config).user == "svc.backup");
    CHECK(std::get<TrackerCredential>(from_config).secret == "p");
}
