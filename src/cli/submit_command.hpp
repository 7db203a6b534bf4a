// `backup-request submit`: a recorded request's ticket in the team's tracker (docs/ticketing.md).
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "command_table.hpp"

namespace backup_request {

[[nodiscard]] Command submit_command();

} // namespace backup_request
