#!/usr/bin/env bash
# Builds the dependencies for a build that cannot link Debian's compiled libraries, from Debian's own source
# packages (pinned by version below; apt checks their hashes), into .cache/deps/TARGET (a link to the build in
# the machine's cache, see below):
# SQLite (the ledger) is compiled here for windows and static from the amalgamation that Debian's sqlite3
# source package makes with its own build tools (tclsh); the libc++ build links Debian's libsqlite3, a C
# library that does not depend on which C++ library the program uses. libcurl (submit's HTTP client) is built
# for windows from Debian's curl source with its own CMake build and Schannel, Windows' TLS, as curl's CI
# cross-builds it: HTTP and HTTPS only, no other library. For static, curl with OpenSSL and c-ares, all three
# static archives from Debian's sources: c-ares resolves names itself (/etc/hosts, /etc/resolv.conf), so the
# static binary needs none of glibc's NSS modules.
#   scripts/build-deps.sh windows   MinGW-w64 (x86-64, POSIX threads), plus the IANA time zone files and
#                                   windowsZones.xml that date's tz library reads on Windows (share/tzdata)
#   scripts/build-deps.sh static    static archives for a fully static Linux binary (g++, glibc)
#   scripts/build-deps.sh libcxx    clang with libc++ (the closest stand-in for macOS here)
# Installs what it needs (as root, Debian 12), adds a deb-src line for the archive the machine already uses
# when there is none, and is idempotent: a prefix already built for the same versions is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps/debian-source.sh

simdjson_version=3.0.1-1
date_version=3.0.1+ds-5
tzdata_version=2026b-0+deb12u1
cldr_version=41-0.1
sqlite_version=3.40.1-2+deb12u2
curl_version=7.88.1-10+deb12u15
openssl_version=3.0.20-1~deb12u2
cares_version=1.18.1-3

target=${1:-}
case "$target" in
  windows) packages=(g++-mingw-w64-x86-64-posix wine wine64 gcc make tcl) ;;
  static) packages=(g++ libc6-dev gcc make tcl) ;;
  libcxx) packages=(clang libc++-14-dev libc++abi-14-dev libsqlite3-dev) ;;
  *) echo "build-deps.sh: say which build: windows, static or libcxx" >&2; exit 2 ;;
esac
packages+=(cmake ninja-build dpkg-dev libcli11-dev nlohmann-json3-dev libspdlog-dev libfmt-dev libtomlplusplus-dev catch2
           libhowardhinnant-date-dev)

# Built once per machine for the same sources and recipe, outside the clone (a fresh clone, as CI makes, then
# does not build them again), keyed by a hash of what goes in; .cache/deps/TARGET links to it.
link=$PWD/.cache/deps/$target
wanted="simdjson=$simdjson_version date=$date_version tzdata=$tzdata_version cldr=$cldr_version sqlite=$sqlite_version curl=$curl_version openssl=$openssl_version c-ares=$cares_version $(cat scripts/deps/CMakeLists.txt scripts/deps/debian-source.sh scripts/build-deps.sh | sha256sum | cut -c1-16)"
cache_root=${BACKUP_REQUEST_DEPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/backup-request/deps}
prefix=$cache_root/$target-$(echo "$wanted" | sha256sum | cut -c1-16)
stamp="$prefix/.versions"
use_prefix() {
  mkdir -p "$(dirname "$link")"
  rm -rf "$link"
  ln -s "$prefix" "$link"
}
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
  use_prefix
  echo "build-deps.sh: $link is up to date ($prefix)" >&2
  exit 0
fi

apt_install "${packages[@]}"
ensure_sources

fetch_source simdjson "$simdjson_version" simdjson
fetch_source howardhinnant-date "$date_version" date

# sqlite3.c, the one-file form SQLite is built from elsewhere: Debian's source has the separate files, and its
# makefile joins them (with tclsh), on the build machine, once for every target.
sqlite_source=""
if [ "$target" != libcxx ]; then
  sqlite_source=$sources/sqlite3-amalgamation
  if [ ! -f "$sqlite_source/sqlite3.c" ]; then
    fetch_source sqlite3 "$sqlite_version" sqlite3
    mkdir -p "$sources/sqlite3/amalgamation-build"
    (cd "$sources/sqlite3/amalgamation-build" && ../configure --disable-tcl >&2 && make sqlite3.c >&2)
    mkdir -p "$sqlite_source"
    cp "$sources/sqlite3/amalgamation-build/sqlite3.c" "$sources/sqlite3/amalgamation-build/sqlite3.h" "$sqlite_source/"
  fi
fi

cmake_args=(-G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$prefix"
            -DSIMDJSON_SOURCE="$sources/simdjson" -DDATE_SOURCE="$sources/date" -DSQLITE_SOURCE="$sqlite_source")
case "$target" in
  windows) cmake_args+=(--toolchain "$PWD/cmake/toolchains/x86_64-w64-mingw32.cmake" -DBACKUP_REQUEST_DEPS="$prefix") ;;
  libcxx) cmake_args+=(-DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS=-stdlib=libc++) ;;
esac
rm -rf "$prefix" ".cache/deps-build/$target"
cmake -S scripts/deps -B ".cache/deps-build/$target" "${cmake_args[@]}" >&2
cmake --build ".cache/deps-build/$target" -j2 >&2
cmake --install ".cache/deps-build/$target" >&2

if [ "$target" = static ]; then
  fetch_source openssl "$openssl_version" openssl
  fetch_source c-ares "$cares_version" c-ares
  fetch_source curl "$curl_version" curl
  # OpenSSL: the libraries only, nothing loaded at run time (no engines, modules or DSOs in a static binary).
  rm -rf ".cache/deps-build/static-openssl"
  mkdir -p ".cache/deps-build/static-openssl"
  (cd ".cache/deps-build/static-openssl" &&
     "$sources/openssl/Configure" linux-x86_64 no-shared no-tests no-engine no-module no-dso \
       --prefix="$prefix" --libdir=lib --openssldir=/etc/ssl >&2 &&
     make -j2 build_libs >&2 && make install_dev >&2)
  rm -rf ".cache/deps-build/static-c-ares"
  cmake -S "$sources/c-ares" -B ".cache/deps-build/static-c-ares" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_INSTALL_LIBDIR=lib -DCARES_STATIC=ON -DCARES_SHARED=OFF \
    -DCARES_BUILD_TOOLS=OFF -DCARES_BUILD_TESTS=OFF -DCARES_STATIC_PIC=ON >&2
  cmake --build ".cache/deps-build/static-c-ares" -j2 >&2
  cmake --install ".cache/deps-build/static-c-ares" >&2
  # No CA bundle is built in: the transport looks at the usual places of each distribution at run time.
  rm -rf ".cache/deps-build/static-curl"
  cmake -S "$sources/curl" -B ".cache/deps-build/static-curl" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_INSTALL_LIBDIR=lib -DCMAKE_PREFIX_PATH="$prefix" \
    -DBUILD_SHARED_LIBS=OFF -DBUILD_CURL_EXE=OFF -DBUILD_TESTING=OFF -DHTTP_ONLY=ON \
    -DCURL_USE_OPENSSL=ON -DOPENSSL_ROOT_DIR="$prefix" -DOPENSSL_USE_STATIC_LIBS=ON -DENABLE_ARES=ON \
    -DCURL_CA_BUNDLE=none -DCURL_CA_PATH=none -DCURL_USE_LIBSSH2=OFF -DUSE_LIBIDN2=OFF -DCURL_ZLIB=OFF \
    -DCURL_BROTLI=OFF -DCURL_ZSTD=OFF -DUSE_NGHTTP2=OFF -DCURL_DISABLE_LDAP=ON -DCURL_USE_LIBPSL=OFF >&2
  cmake --build ".cache/deps-build/static-curl" -j2 >&2
  cmake --install ".cache/deps-build/static-curl" >&2
fi

if [ "$target" = windows ]; then
  fetch_source curl "$curl_version" curl
  rm -rf ".cache/deps-build/$target-curl"
  cmake -S "$sources/curl" -B ".cache/deps-build/$target-curl" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    --toolchain "$PWD/cmake/toolchains/x86_64-w64-mingw32.cmake" -DCMAKE_INSTALL_PREFIX="$prefix" \
    -DBUILD_SHARED_LIBS=OFF -DBUILD_CURL_EXE=OFF -DBUILD_TESTING=OFF -DHTTP_ONLY=ON -DENABLE_UNICODE=ON \
    -DCURL_USE_SCHANNEL=ON -DCURL_USE_OPENSSL=OFF -DCURL_USE_LIBSSH2=OFF -DUSE_LIBIDN2=OFF -DCURL_ZLIB=OFF \
    -DCURL_BROTLI=OFF -DCURL_ZSTD=OFF -DUSE_NGHTTP2=OFF -DCURL_DISABLE_LDAP=ON -DCURL_USE_LIBPSL=OFF >&2
  cmake --build ".cache/deps-build/$target-curl" -j2 >&2
  cmake --install ".cache/deps-build/$target-curl" >&2

  # The IANA text files that date parses, without comment lines: date 3.0.1 prints every line it cannot
  # parse, and tzdata since 2022 has indented "#STDOFF" comments. windowsZones.xml maps Windows zone names.
  fetch_source tzdata "$tzdata_version" tzdata
  mkdir -p "$prefix/share/tzdata"
  for file in africa antarctica asia australasia backward etcetera europe northamerica southamerica leapseconds; do
    sed '/^[[:space:]]*#/d' "$sources/tzdata/$file" >"$prefix/share/tzdata/$file"
  done
  cp "$sources/tzdata/version" "$prefix/share/tzdata/version"
  if [ ! -f "$sources/windowsZones.xml" ]; then
    (cd "$sources" && apt-get download -q "unicode-cldr-core=$cldr_version" >&2 &&
       dpkg-deb -x unicode-cldr-core_*.deb cldr &&
       cp cldr/usr/share/unicode/cldr/common/supplemental/windowsZones.xml windowsZones.xml)
  fi
  cp "$sources/windowsZones.xml" "$prefix/share/tzdata/windowsZones.xml"
fi
echo "$wanted" >"$stamp"
use_prefix
echo "build-deps.sh: $target dependencies in $prefix" >&2
