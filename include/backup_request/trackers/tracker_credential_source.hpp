// Where a tracker's credential is found, the way the trackers' own CLIs find theirs: the tracker's usual
// environment variables, else a `token_command` from the config that prints it (as git's credential helpers
// and AWS's credential_process do). Never argv, never the config file itself. Pure: the environment and the
// command runner are handed in.
#pragma once

#include "backup_request/trackers/tracker_api.hpp"

#include <functional>
#include <optional>
#include <string>
#include <variant>

namespace backup_request {

// The config's part: who the account is (Jira Cloud's e-mail, Zendesk's e-mail, ServiceNow's user) and the
// command that prints the secret.
struct CredentialSettings {
    std::string user{};
    std::string token_command{};
};

struct CredentialProblem {
    std::string message; // one line, naming the variable to set or the command that failed
};

using VariableLookup = std::function<std::optional<std::string>(const std::string& name)>;
// Runs a token_command: what it printed, or (second alternative) why it failed.
struct CommandFailureText {
    std::string message;
};
using CommandRunner =
    std::function<std::variant<std::string, CommandFailureText>(const std::string& command)>;

// The credential for `tracker`: the first non-empty variable of the tracker's list, else the first line of
// what token_command prints; the user for basic auth from settings.user, else the tracker's user variable.
[[nodiscard]] std::variant<TrackerCredential, CredentialProblem>
find_credential(Tracker tracker, const CredentialSettings& settings, const VariableLookup& variable,
                const CommandRunner& run_command);

// "set GH_TOKEN (or GITHUB_TOKEN), or token_command in [github]": where a credential for `tracker` goes, for
// messages about a missing or refused one.
[[nodiscard]] std::string credential_hint(Tracker tracker);

} // namespace backup_request
