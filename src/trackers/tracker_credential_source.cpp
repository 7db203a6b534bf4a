// The credential's places in order: the tracker's variables, then token_command; the account's name for the
// trackers that take basic auth.
#include "backup_request/trackers/tracker_credential_source.hpp"

#include "backup_request/text/ascii_text.hpp"

namespace backup_request {
namespace {

std::optional<std::string> non_empty_variable(const VariableLookup& variable, std::string_view name) {
    auto value = variable(std::string(name));
    if (value && !trim_whitespace(*value).empty()) {
        return std::string(trim_whitespace(*value));
    }
    return std::nullopt;
}

std::string table_of(Tracker tracker) {
    return "[" + std::string(tracker_name(tracker)) + "]";
}

} // namespace

std::string credential_hint(Tracker tracker) {
    const TrackerApi& api = tracker_api(tracker);
    std::string variables;
    for (std::size_t i = 0; i < api.secret_variables.size(); ++i) {
        variables += i == 0 ? std::string(api.secret_variables[i])
                            : " (or " + std::string(api.secret_variables[i]) + ")";
    }
    return "set " + variables + " in the environment, or token_command in the config's " + table_of(tracker);
}

std::variant<TrackerCredential, CredentialProblem> find_credential(Tracker tracker,
                                                                   const CredentialSettings& settings,
                                                                   const VariableLookup& variable,
                                                                   const CommandRunner& run_command) {
    const TrackerApi& api = tracker_api(tracker);
    TrackerCredential credential;
    if (api.auth == TrackerAuth::basic) {
        if (!trim_whitespace(settings.user).empty()) {
            credential.user = std::string(trim_whitespace(settings.user));
        } else if (auto user = non_empty_variable(variable, api.user_variable)) {
            credential.user = *user;
        } else {
            const char* who = tracker == Tracker::servicenow ? "the user name" : "the account's e-mail";
            return CredentialProblem{std::string(tracker_name(tracker)) + " signs in with " + who +
                                     " and a secret: set " + std::string(api.user_variable) +
                                     ", or user = \"...\" in the config's " + table_of(tracker)};
        }
    }
    for (const auto name : api.secret_variables) {
        if (auto secret = non_empty_variable(variable, name)) {
            credential.secret = *secret;
            return credential;
        }
    }
    if (trim_whitespace(settings.token_command).empty()) {
        return CredentialProblem{"no credential for " + std::string(tracker_name(tracker)) + ": " +
                                 credential_hint(tracker)};
    }
    auto printed = run_command(settings.token_command);
    if (const auto* failed = std::get_if<CommandFailureText>(&printed)) {
        return CredentialProblem{table_of(tracker) + " token_command " + failed->message +
                                 "; run it yourself to see why, or " + credential_hint(tracker)};
    }
    const std::string& output = std::get<std::string>(printed);
    const std::string first_line = output.substr(0, output.find('\n'));
    if (trim_whitespace(first_line).empty()) {
        return CredentialProblem{table_of(tracker) +
                                 " token_command printed nothing on its first line; it must print the "
                                 "credential (and nothing before it) on stdout"};
    }
    credential.secret = std::string(trim_whitespace(first_line));
    return credential;
}

} // namespace backup_request
