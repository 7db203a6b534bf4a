#!/usr/bin/env bash
# Builds every release file of backup-request in one command, into dist/ (or the folder given):
#   backup-request-VERSION-linux-x86_64.tar.gz    the static binary, man page, completions, LICENSE, README
#   backup-request_VERSION_amd64.deb              Debian 12's package (dynamic, Debian's libraries)
#   backup-request-VERSION-1.x86_64.rpm           the static binary, for any x86-64 RPM system
#   backup-request-VERSION-windows-x86_64.zip     backup-request.exe, its time zone files, LICENSE, README
#   backup-request-VERSION.tar.gz                 the source, for Homebrew and other builds from source
#   SHA256SUMS                                    their SHA-256 sums, as sha256sum -c reads them
#   packaging/                                    the scoop, winget and Homebrew manifests with those sums
# The builds it needs (build/, build-static/, build-windows/) are made or brought up to date first.
# BACKUP_REQUEST_RELEASE_URL: where the files will be published (default: the GitHub release of the version).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$(realpath -m "${1:-dist}")
version=$(sed -n 's/^project(backup_request VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
url=${BACKUP_REQUEST_RELEASE_URL:-https://github.com/backup-request/backup-request/releases/download/v$version}
# Archives hold the same bytes for the same commit: file times are the commit's.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}

log() { echo "release.sh: $*" >&2; }

bash scripts/setup.sh --no-build
command -v rpmbuild >/dev/null && command -v cpio >/dev/null ||
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends rpm cpio >&2
[ -x build/backup-request ] || bash scripts/setup.sh
cmake --build build -j2 >&2
for build in "linux-static static build-static" "windows-mingw windows build-windows"; do
  read -r preset deps folder <<<"$build"
  bash scripts/build-deps.sh "$deps"
  [ -f "$folder/CMakeCache.txt" ] || cmake --preset "$preset" >&2
  cmake --build --preset "$preset" --target backup-request backup_request_generated_docs >&2
done

rm -rf "$out"
mkdir -p "$out/packaging"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

tar_gz() { # FOLDER ARCHIVE: a reproducible .tar.gz of FOLDER (relative to the stage)
  tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" -cf - "$1" |
    gzip -n -9 >"$2"
}

# Linux: the static binary with what a man page and a shell need.
linux=backup-request-$version-linux-x86_64
mkdir -p "$stage/$linux/completions"
install -m 755 -s build-static/backup-request "$stage/$linux/backup-request"
cp build-static/generated/backup-request.1 "$stage/$linux/"
cp build-static/generated/backup-request.bash build-static/generated/_backup-request \
   build-static/generated/backup-request.fish "$stage/$linux/completions/"
cp LICENSE README.md "$stage/$linux/"
tar_gz "$linux" "$out/$linux.tar.gz"

# Windows: the .exe and the zone files date reads beside it.
windows=backup-request-$version-windows-x86_64
mkdir -p "$stage/$windows"
x86_64-w64-mingw32-strip -o "$stage/$windows/backup-request.exe" build-windows/backup-request.exe
cp -r build-windows/tzdata "$stage/$windows/tzdata"
cp LICENSE README.md "$stage/$windows/"
(cd "$stage" && find "$windows" -type f | LC_ALL=C sort >files.txt &&
   cmake -E tar cf "$out/$windows.zip" --format=zip --files-from=files.txt \
     --mtime="$(date -u -d "@$SOURCE_DATE_EPOCH" '+%Y-%m-%d %H:%M:%S UTC')")

# The packages, through CPack.
(cd build && rm -f backup-request_*.deb && cpack -G DEB >&2 && cp backup-request_*.deb "$out/")
(cd build-static && rm -f backup-request-*.rpm && cpack -G RPM >&2 && cp backup-request-*.rpm "$out/")

# The source, for builds from source (Homebrew).
git archive --format=tar --prefix="backup-request-$version/" HEAD | gzip -n -9 >"$out/backup-request-$version.tar.gz"

(cd "$out" && sha256sum -- *.tar.gz *.deb *.rpm *.zip >SHA256SUMS)
sum_of() { sed -n "s/^\([0-9a-f]*\)  $1\$/\1/p" "$out/SHA256SUMS"; }

for template in packaging/scoop/backup-request.json.in packaging/winget/*.yaml.in packaging/homebrew/backup-request.rb.in; do
  name=$(basename "$template" .in)
  sed -e "s|@VERSION@|$version|g" -e "s|@URL@|$url|g" \
      -e "s|@SHA256_WINDOWS_ZIP@|$(sum_of "$windows.zip")|g" \
      -e "s|@SHA256_WINDOWS_ZIP_UPPER@|$(sum_of "$windows.zip" | tr a-f A-F)|g" \
      -e "s|@SHA256_LINUX@|$(sum_of "$linux.tar.gz")|g" \
      -e "s|@SHA256_SOURCE@|$(sum_of "backup-request-$version.tar.gz")|g" \
      "$template" >"$out/packaging/$name"
done
log "version $version in $out:"
(cd "$out" && ls -l -- *.tar.gz *.deb *.rpm *.zip SHA256SUMS packaging/*) >&2
