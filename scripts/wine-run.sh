#!/bin/sh
# Runs a Windows program under Wine's 64-bit loader, quietly, in a Wine prefix of the project's own
# (.cache/wine-prefix, made on first use) whatever HOME the caller set: the CMake emulator of the Windows build.
here=$(cd "$(dirname "$0")/.." && pwd)
export WINEDEBUG="${WINEDEBUG:--all}"
export WINEPREFIX="${BACKUP_REQUEST_WINEPREFIX:-$here/.cache/wine-prefix}"
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-mscoree,mshtml=}"
# "wine-run.sh wineserver ARGS": the prefix's server itself (check-platforms.sh keeps one running for a whole
# run: a server that exits when its last program does can be caught exiting by the next program, which then
# fails with "a wine server seems to be running, but I cannot connect to it" without having run).
if [ "${1:-}" = wineserver ]; then
  shift
  server=/usr/lib/wine/wineserver64
  [ -x "$server" ] || server=wineserver
  exec "$server" "$@"
fi
loader=/usr/lib/wine/wine64
[ -x "$loader" ] || loader=wine
exec "$loader" "$@"
