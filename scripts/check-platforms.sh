#!/usr/bin/env bash
# The builds for other systems, each proven here (docs/platforms.md):
#   windows  MinGW-w64 cross build; the unit tests and the end-to-end suite run against backup-request.exe
#            under Wine (cases labelled posix-only left out, each saying why)
#   static   one fully static Linux file; the end-to-end suite against it, then scripts/check-static.sh in an
#            empty root
#   libcxx   clang with libc++ (the stand-in for macOS); unit and end-to-end tests
#   release  scripts/release.sh, then scripts/check-release.sh on what it made
#   scripts/check-platforms.sh [windows|static|libcxx|release ...]   (default: all four)
# Needs ./build (scripts/setup.sh --tests) for the reference binary and the test tools. Warnings are errors.
set -euo pipefail
cd "$(dirname "$0")/.."
steps=("$@")
[ "${#steps[@]}" -gt 0 ] || steps=(windows static libcxx release)
started=$SECONDS
timed() { local from=$SECONDS; "$@"; echo "check-platforms: '$*' took $((SECONDS - from)) s" >&2; }

for step in "${steps[@]}"; do
  case "$step" in
    windows)
      timed bash scripts/build-deps.sh windows
      timed bash scripts/build-libpq.sh windows
      # Wine makes its prefix on first use and says so on stderr: once, before anything runs under it (the
      # build runs the .exe too, for the man page and the list of unit tests).
      scripts/wine-run.sh wineboot.exe --init 2>/dev/null
      # Then one server for the whole build and test run, stopped at the end (scripts/wine-run.sh says why).
      # Wine's own services (services.exe, rpcss, ...) live as long as it does: they are started here, their
      # output going nowhere, so that no program under ninja or ctest starts them and they never hold its
      # output pipe open (ninja waits for that pipe to close: seen here, a build that never ended).
      scripts/wine-run.sh wineserver -k || true
      scripts/wine-run.sh wineserver -w
      scripts/wine-run.sh wineserver -p
      trap 'scripts/wine-run.sh wineserver -k || true' EXIT
      scripts/wine-run.sh wineboot.exe --init </dev/null >/dev/null 2>&1
      [ -f build-windows/CMakeCache.txt ] || cmake --preset windows-mingw -DBACKUP_REQUEST_WERROR=ON >&2
      timed cmake --build --preset windows-mingw >&2
      timed ctest --preset windows-mingw
      ;;
    static)
      timed bash scripts/build-deps.sh static
      timed bash scripts/build-libpq.sh static
      [ -f build-static/CMakeCache.txt ] || cmake --preset linux-static -DBACKUP_REQUEST_WERROR=ON >&2
      timed cmake --build --preset linux-static --target backup-request backup_request_generated_docs >&2
      timed ctest --test-dir build-static -L e2e -LE heavy --output-on-failure -j2
      timed bash scripts/check-static.sh build-static/backup-request build/backup-request
      ;;
    libcxx)
      timed bash scripts/build-deps.sh libcxx
      [ -f build-libcxx/CMakeCache.txt ] || cmake --preset libcxx -DBACKUP_REQUEST_WERROR=ON >&2
      timed cmake --build --preset libcxx >&2
      # The submit scenarios (label http) run on the Debian, sanitizer, Windows and static builds; here they would
      # add a minute of real waiting (429, backoff, a slow answer) for the same libcurl.
      timed ctest --preset libcxx -LE "heavy|http|postgresql"
      ;;
    release)
      timed bash scripts/release.sh dist
      timed bash scripts/check-release.sh dist
      ;;
    *) echo "check-platforms: unknown step '$step' (windows, static, libcxx, release)" >&2; exit 2 ;;
  esac
done
echo "check-platforms: ${steps[*]} passed in $((SECONDS - started)) s" >&2
