// The exit codes of backup-request, one place, documented in README.md and docs/usage.md.
#pragma once

namespace backup_request {

enum class ExitCode : int {
    ok = 0,             // payload written (warnings allowed unless --strict)
    rule_violation = 1, // the request breaks a rule
    usage = 2,          // unknown flag, missing or conflicting option, bad --now
    input = 3,          // an input file cannot be read or parsed
    output = 4,         // the payload cannot be written
    tracker = 5,        // the tracker could not be reached or refused the ticket (submit)
};

[[nodiscard]] constexpr int to_int(ExitCode code) {
    return static_cast<int>(code);
}

} // namespace backup_request
