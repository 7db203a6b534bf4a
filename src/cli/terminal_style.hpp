// Whether output may use colour and Unicode drawing.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "command_context.hpp"

namespace backup_request {

// Whether to use colour (and Unicode drawing) on a stream: --color always/never decide; auto means a
// terminal with a UTF-8 locale, with neither NO_COLOR set nor TERM=dumb.
[[nodiscard]] bool use_color(const CommandContext& context, bool stream_is_terminal);

// Whether the locale's character set is UTF-8 (LC_ALL, else LC_CTYPE, else LANG): Unicode drawing needs it.
[[nodiscard]] bool locale_is_utf8(const Environment& environment);

} // namespace backup_request
