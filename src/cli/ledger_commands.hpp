// The commands over the ledger (docs/ledger.md): `list` the open requests, `show` one with its history,
// `mark` a step of its life, `ledger info|import`.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "command_table.hpp"

namespace backup_request {

[[nodiscard]] Command list_command();
[[nodiscard]] Command show_command();
[[nodiscard]] Command mark_command();
[[nodiscard]] Command ledger_command();

} // namespace backup_request
