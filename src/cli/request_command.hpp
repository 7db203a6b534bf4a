// `create` and `extend`: one command over a request kind. Its flags come from the kind's fields; its steps
// (draft from --example, --from and flags; the clock and zone; the rules; the output) are the same for every
// kind.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "backup_request/drafts/request_kind.hpp"
#include "backup_request/output/deadline_calendar.hpp"
#include "backup_request/trackers/tracker_body.hpp"
#include "command_context.hpp"
#include "command_table.hpp"
#include "request_output.hpp"
#include "tracker_flags.hpp"

#include <CLI/App.hpp>
#include <map>
#include <string>
#include <vector>

namespace backup_request {

// What the flags of one request command hold, by draft key (std::map keeps CLI11's references valid).
struct RequestOptions {
    std::string from;
    std::map<std::string, std::string> texts;
    std::map<std::string, std::vector<std::string>> lists;
    std::map<std::string, int> numbers;
    std::string justification_file;
    std::string reference_prefix;
    std::string now;
    std::string request_id; // extend --request ID
    OutputOptions output;
    TrackerSettings tracker;
    std::string infrastructure; // --format text: the portal form's first field
    std::string submit_to;      // --submit [TRACKER]: the tracker named, else --tracker (the config's)
    SubmitSettings submit;
    bool strict = false;
    bool allow_secrets = false;
    bool no_input = false;
    bool example = false;
};

// The command table's entry for `kind` (which must outlive it: the kinds are static).
[[nodiscard]] Command request_command(const RequestKind& kind);

CLI::App* add_request_command(CLI::App& app, const RequestKind& kind, RequestOptions& options);

[[nodiscard]] CommandResult run_request(const CLI::App& command, const RequestKind& kind,
                                        const RequestOptions& options, CommandContext& context);

} // namespace backup_request
