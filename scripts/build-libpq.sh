#!/usr/bin/env bash
# Builds libpq, PostgreSQL's client library, for the builds that cannot link Debian's (issue 27's team ledger),
# from Debian's postgresql-15 source package: the client library and the two archives it calls into
# (libpgcommon, libpgport), with TLS through OpenSSL and nothing else (no readline, zlib, ICU, GSSAPI, LDAP).
#   scripts/build-libpq.sh static    over the OpenSSL that scripts/build-deps.sh static built (run it first)
#   scripts/build-libpq.sh windows   MinGW-w64; OpenSSL cross-built here from Debian's openssl source, since
#                                    libpq 15 speaks TLS only through OpenSSL (curl uses Windows' Schannel)
# Installs into .cache/deps/libpq-TARGET, a link to the machine's cache (keyed by the versions, this script,
# the helpers and, for static, the prefix it builds on), apart from build-deps.sh's prefix so that either can
# change without rebuilding the other. cmake/BuiltLibpq.cmake reads it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps/debian-source.sh

postgresql_version=15.18-0+deb12u1
openssl_version=3.0.20-1~deb12u2

target=${1:-}
case "$target" in
  static) packages=(g++ gcc make) ;;
  windows) packages=(g++-mingw-w64-x86-64-posix gcc make) ;;
  *) echo "build-libpq.sh: say which build: static or windows" >&2; exit 2 ;;
esac
packages+=(dpkg-dev perl)

base=""
if [ "$target" = static ]; then
  base=$(readlink -f .cache/deps/static 2>/dev/null || true)
  if [ ! -f "$base/.versions" ]; then
    echo "build-libpq.sh: no static dependencies in .cache/deps/static: run scripts/build-deps.sh static first" >&2
    exit 1
  fi
fi
link=$PWD/.cache/deps/libpq-$target
wanted="postgresql=$postgresql_version openssl=$openssl_version $(cat scripts/deps/debian-source.sh scripts/build-libpq.sh | sha256sum | cut -c1-16)"
[ -z "$base" ] || wanted="$wanted base=$(sha256sum <"$base/.versions" | cut -c1-16)"
cache_root=${BACKUP_REQUEST_DEPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/backup-request/deps}
prefix=$cache_root/libpq-$target-$(echo "$wanted" | sha256sum | cut -c1-16)
stamp=$prefix/.versions
use_prefix() {
  mkdir -p "$(dirname "$link")"
  rm -rf "$link"
  ln -s "$prefix" "$link"
}
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
  use_prefix
  echo "build-libpq.sh: $link is up to date ($prefix)" >&2
  exit 0
fi

apt_install "${packages[@]}"
ensure_sources
fetch_source postgresql-15 "$postgresql_version" postgresql-15

rm -rf "$prefix"
mkdir -p "$prefix/lib" "$prefix/include"
work=$PWD/.cache/deps-build/libpq-$target
rm -rf "$work"
mkdir -p "$work"

configure_args=(--without-readline --without-zlib --without-icu --without-gssapi --without-ldap --with-ssl=openssl
                --disable-nls)
if [ "$target" = windows ]; then
  tools=x86_64-w64-mingw32
  fetch_source openssl "$openssl_version" openssl
  # OpenSSL: the two libraries only, nothing loaded at run time.
  mkdir -p "$work/openssl"
  (cd "$work/openssl" &&
     "$sources/openssl/Configure" mingw64 no-shared no-tests no-engine no-module no-dso \
       --cross-compile-prefix=$tools- --prefix="$prefix" --libdir=lib >&2 &&
     make -j2 build_libs >&2 && make install_dev >&2)
  ssl_prefix=$prefix
  configure_args+=(--host=$tools CC=$tools-gcc-posix AR=$tools-ar RANLIB=$tools-ranlib)
  # What static OpenSSL calls in Windows (configure puts -lssl -lcrypto before these).
  system_libs="-lws2_32 -lcrypt32 -lgdi32 -luser32 -ladvapi32"
else
  tools=""
  ssl_prefix=$base
  system_libs="-lpthread"
fi
mkdir -p "$work/postgresql"
(cd "$work/postgresql" &&
   "$sources/postgresql-15/configure" "${configure_args[@]}" --prefix="$prefix" \
     --with-includes="$ssl_prefix/include" --with-libraries="$ssl_prefix/lib" LIBS="$system_libs" >&2 &&
   make -C src/include -j2 >&2 &&
   make -C src/common -j2 libpgcommon_shlib.a >&2 &&
   make -C src/port -j2 libpgport_shlib.a >&2 &&
   make -C src/interfaces/libpq -j2 all-static-lib >&2)

built=$work/postgresql
ar=${tools:+$tools-}ar
objcopy=${tools:+$tools-}objcopy
rm -f "$prefix/lib/libpq.a"
if [ "$target" = windows ]; then
  # PostgreSQL's make names the DLL's import library libpq.a: the static archive is made from the objects. Its
  # pthread-win32.c defines pthread_mutex_lock & co., which the C++ runtime's winpthreads defines too: renamed
  # in libpq's objects only.
  objects=()
  for object in "$built"/src/interfaces/libpq/*.o; do
    case "$object" in *rc.o | *win32ver.o) continue ;; esac
    objects+=("$object")
  done
  "$ar" rcs "$prefix/lib/libpq.a" "${objects[@]}"
  "$objcopy" --redefine-sym pthread_mutex_lock=pq_pthread_mutex_lock \
    --redefine-sym pthread_mutex_unlock=pq_pthread_mutex_unlock \
    --redefine-sym pthread_mutex_init=pq_pthread_mutex_init \
    --redefine-sym pthread_self=pq_pthread_self \
    --redefine-sym pthread_getspecific=pq_pthread_getspecific \
    --redefine-sym pthread_setspecific=pq_pthread_setspecific \
    "$prefix/lib/libpq.a"
else
  cp "$built/src/interfaces/libpq/libpq.a" "$prefix/lib/libpq.a"
fi
# Everything libpq links travels in its prefix: for static, the OpenSSL that build-deps.sh built.
[ -z "$base" ] || cp "$base/lib/libssl.a" "$base/lib/libcrypto.a" "$prefix/lib/"
cp "$built/src/common/libpgcommon_shlib.a" "$prefix/lib/libpgcommon.a"
cp "$built/src/port/libpgport_shlib.a" "$prefix/lib/libpgport.a"
cp "$sources/postgresql-15/src/interfaces/libpq/libpq-fe.h" "$sources/postgresql-15/src/include/postgres_ext.h" \
   "$built/src/include/pg_config_ext.h" "$prefix/include/"
echo "$wanted" >"$stamp"
use_prefix
echo "build-libpq.sh: libpq for $target in $prefix" >&2
