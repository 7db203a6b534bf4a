// What every command gets from run(): the streams, the environment, and the verbosity chosen on the command
// line.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "backup_request/cli/run.hpp"

#include <iosfwd>
#include <memory>
#include <spdlog/logger.h>
#include <string>

namespace backup_request {

struct CommandContext {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    const Environment& environment;
    std::shared_ptr<spdlog::logger> log;
    bool quiet = false;
    std::string color = "auto";          // --color: auto, always, never
    std::string ledger;                  // --ledger (or the config's, ~/ expanded, relative to its folder)
    bool ledger_on_command_line = false; // --ledger was typed, not only set by the config file
    bool no_ledger = false;              // --no-ledger, typed or the config's no_ledger
    bool no_ledger_on_command_line = false;
    std::string no_ledger_origin; // where "no ledger" came from, for messages: "--no-ledger", "config.toml:3"
};

// Where a clock reading comes from, for messages: "--now" or "BACKUP_REQUEST_NOW" or the system clock.
struct ResolvedNow {
    sys_seconds time;
    std::string source;
};

} // namespace backup_request
