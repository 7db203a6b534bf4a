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
    std::string color = "auto"; // --color: auto, always, never
};

// Whether to use colour (and Unicode drawing) on a stream: --color always/never decide; auto means a
// terminal with a UTF-8 locale, with neither NO_COLOR set nor TERM=dumb.
[[nodiscard]] bool use_color(const CommandContext& context, bool stream_is_terminal);

// Whether the locale's character set is UTF-8 (LC_ALL, else LC_CTYPE, else LANG): Unicode drawing needs it.
[[nodiscard]] bool locale_is_utf8(const Environment& environment);

// Where a clock reading comes from, for messages: "--now" or "BACKUP_REQUEST_NOW" or the system clock.
struct ResolvedNow {
    sys_seconds time;
    std::string source;
};

} // namespace backup_request
