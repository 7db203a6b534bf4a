// The trackers' flags, shared by the commands that write a tracker's body (create, extend) and the ones that
// open its ticket (submit, create --submit): the body's settings, where each tracker is and who signs in, and
// how a submission runs. The config file's [jira], [github], ... tables set the same flags.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "backup_request/trackers/tracker_body.hpp"

#include <CLI/App.hpp>
#include <string>

namespace backup_request {

// --jira-project, --github-labels, ...: what goes into a tracker's body.
void add_tracker_flags(CLI::App& command, TrackerSettings& settings);

// --github-url, --github-project, --jira-user, --zendesk-token-command, ...: where each tracker's API is and
// who signs in (never the secret itself).
void add_tracker_connection_flags(CLI::App& command, TrackerSettings& settings);

// How one submission runs.
struct SubmitSettings {
    std::string tracker; // --to (submit) or --tracker (create): the config's `tracker` sets it too
    std::string ca_file; // a private CA's bundle, for a server whose certificate the system does not trust
    int timeout_seconds = 30;
    bool again = false; // a request that has a ticket gets another
};

// --timeout, --ca-file, --again, in `group` of --help (submit names its tracker with --to, create with
// --submit and --tracker).
void add_submit_flags(CLI::App& command, SubmitSettings& settings, const std::string& group = "Options");

} // namespace backup_request
