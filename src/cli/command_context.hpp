// What every command gets from run(): the streams, the environment, and the verbosity chosen on the command
// line.
#pragma once

#include "backup_request/cli/run.hpp"

#include <iosfwd>
#include <memory>
#include <spdlog/logger.h>

namespace backup_request {

struct CommandContext {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    const Environment& environment;
    std::shared_ptr<spdlog::logger> log;
    bool quiet = false;
};

// Where a clock reading comes from, for messages: "--now" or "BACKUP_REQUEST_NOW" or the system clock.
struct ResolvedNow {
    sys_seconds time;
    std::string source;
};

} // namespace backup_request
