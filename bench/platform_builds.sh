#!/usr/bin/env bash
# The static Linux binary against the Debian (dynamic) one and the Windows one's size: file sizes (as built and
# stripped) and start-up times side by side in one run (hyperfine), for docs/platforms.md.
#   bench/platform_builds.sh   needs build-release (bench/run.sh makes it) or build/, and build-static/
#                              (scripts/check-platforms.sh static); build-windows/ for the .exe's size
# Prints a Markdown table on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
dynamic=build-release/backup-request
[ -x "$dynamic" ] || dynamic=build/backup-request
static=build-static/backup-request
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

stripped_size() { strip -o "$work/s" "$1" 2>/dev/null || x86_64-w64-mingw32-strip -o "$work/s" "$1"; stat -c %s "$work/s"; }
kib() { echo "$(( $1 / 1024 )) KiB"; }

echo "| binary | size | stripped | shared libraries |"
echo "|---|---:|---:|---|"
for binary in "$dynamic" "$static" build-windows/backup-request.exe; do
  [ -f "$binary" ] || continue
  libs=$(readelf -d "$binary" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ' || true)
  [ -n "$libs" ] || libs="none"
  case "$binary" in *.exe) libs="Windows system DLLs" ;; esac
  echo "| \`$binary\` | $(kib "$(stat -c %s "$binary")") | $(kib "$(stripped_size "$binary")") | $libs |"
done
echo
export BACKUP_REQUEST_NOW=2026-11-20T12:00:00Z
hyperfine -N --warmup 10 --runs "${RUNS:-200}" --export-markdown "$work/startup.md" \
  -n "dynamic --version" "$dynamic --version" -n "static --version" "$static --version" \
  -n "dynamic create --example" "$dynamic create --example" -n "static create --example" "$static create --example" \
  >&2
cat "$work/startup.md"
