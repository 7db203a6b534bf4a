#!/bin/sh
# Runs a Windows program under Wine's 64-bit loader, quietly, in a Wine prefix of the project's own
# (.cache/wine-prefix, made on first use) whatever HOME the caller set: the CMake emulator of the Windows build.
here=$(cd "$(dirname "$0")/.." && pwd)
export WINEDEBUG="${WINEDEBUG:--all}"
export WINEPREFIX="${BACKUP_REQUEST_WINEPREFIX:-$here/.cache/wine-prefix}"
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-mscoree,mshtml=}"
loader=/usr/lib/wine/wine64
[ -x "$loader" ] || loader=wine
exec "$loader" "$@"
