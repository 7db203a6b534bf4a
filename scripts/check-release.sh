#!/usr/bin/env bash
# Checks what scripts/release.sh made: the sums hold; each archive holds what it should; the .rpm's metadata,
# files and requirements (no glibc version: the binary inside is static); the manifests carry the real sums;
# the Linux archive's binary runs.
#   scripts/check-release.sh [DIST]   (default dist/)
set -euo pipefail
cd "$(dirname "$0")/.."
dist=$(realpath "${1:-dist}")
version=$(sed -n 's/^project(backup_request VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
failed=0
fail() { echo "check-release: $*" >&2; failed=1; }
expect_list() { # NAME ACTUAL EXPECTED
  if [ "$2" != "$3" ]; then
    fail "$1 holds other files:"; diff <(echo "$3") <(echo "$2") >&2 || true
  fi
}

(cd "$dist" && sha256sum --quiet -c SHA256SUMS) || fail "SHA256SUMS does not hold"
[ "$(wc -l <"$dist/SHA256SUMS")" = 5 ] || fail "SHA256SUMS should list 5 files"

linux=backup-request-$version-linux-x86_64
expect_list "$linux.tar.gz" "$(tar -tzf "$dist/$linux.tar.gz" | LC_ALL=C sort)" "$(printf '%s\n' \
  "$linux/" "$linux/LICENSE" "$linux/README.md" "$linux/backup-request" "$linux/backup-request.1" \
  "$linux/completions/" "$linux/completions/_backup-request" "$linux/completions/backup-request.bash" \
  "$linux/completions/backup-request.fish" | LC_ALL=C sort)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$dist/$linux.tar.gz" -C "$work"
[ "$("$work/$linux/backup-request" --version | head -1 | cut -d' ' -f1)" = "$version" ] || fail "the Linux binary does not run"
if readelf -d "$work/$linux/backup-request" | grep -q NEEDED; then fail "the Linux binary is not static"; fi

windows=backup-request-$version-windows-x86_64
zip_list=$(python3 -c 'import sys, zipfile; print("\n".join(sorted(zipfile.ZipFile(sys.argv[1]).namelist())))' "$dist/$windows.zip")
for needed in "$windows/backup-request.exe" "$windows/LICENSE" "$windows/README.md" "$windows/tzdata/version" \
              "$windows/tzdata/windowsZones.xml" "$windows/tzdata/europe" "$windows/tzdata/northamerica"; do
  grep -qxF "$needed" <<<"$zip_list" || fail "$windows.zip lacks $needed"
done

# The unzipped .exe runs (under Wine here) and finds its zone files beside it.
if [ -x scripts/wine-run.sh ] && { [ -x /usr/lib/wine/wine64 ] || command -v wine >/dev/null; }; then
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$dist/$windows.zip" "$work"
  zones=$(scripts/wine-run.sh "$work/$windows/backup-request.exe" --version | sed -n 2p | tr -d '\r')
  case "$zones" in
    "time zones: 20"[0-9][0-9][a-z]*"$windows\tzdata)") ;;
    *) fail "the unzipped backup-request.exe does not read its zone files: '$zones'" ;;
  esac
fi

rpm=$dist/backup-request-$version-1.x86_64.rpm
info=$(rpm -qpi "$rpm" 2>/dev/null)
grep -q '^License *: Apache-2.0' <<<"$info" || fail "the rpm's license: $(grep License <<<"$info")"
grep -q "^Version *: $version" <<<"$info" || fail "the rpm's version"
grep -q '^Vendor *: The backup-request authors' <<<"$info" || fail "the rpm's vendor: $(grep Vendor <<<"$info")"
[ "$(rpm -qpL "$rpm" 2>/dev/null)" = /usr/share/licenses/backup-request/LICENSE ] || fail "the rpm marks no %license file"
files=$(rpm -qpl "$rpm" 2>/dev/null)
for needed in /usr/bin/backup-request /usr/share/man/man1/backup-request.1 \
              /usr/share/bash-completion/completions/backup-request /usr/share/backup-request/schema/payload.schema.json; do
  grep -qxF "$needed" <<<"$files" || fail "the rpm lacks $needed"
done
# Folders other packages own are not the rpm's to claim.
for shared in /usr /usr/bin /usr/share /usr/share/man /usr/share/man/man1 /usr/share/doc /usr/share/licenses \
              /usr/share/bash-completion /usr/share/bash-completion/completions /usr/share/zsh \
              /usr/share/zsh/vendor-completions /usr/share/fish /usr/share/fish/vendor_completions.d; do
  if grep -qxF "$shared" <<<"$files"; then fail "the rpm owns the shared folder $shared"; fi
done
requires=$(rpm -qpR "$rpm" 2>/dev/null)
if grep -q 'GLIBC\|libc.so\|libstdc++' <<<"$requires"; then fail "the rpm asks for a C library: $(grep -i 'glibc\|libc' <<<"$requires" | tr '\n' ' ')"; fi
grep -qx 'tzdata' <<<"$requires" || fail "the rpm does not ask for tzdata"
rpm2cpio "$rpm" | (cd "$work" && cpio -idm --quiet ./usr/bin/backup-request)
[ "$("$work/usr/bin/backup-request" --version | head -1 | cut -d' ' -f1)" = "$version" ] || fail "the rpm's binary does not run"

deb=$dist/backup-request_${version}_amd64.deb
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the deb's version"

zip_sum=$(sed -n "s/^\([0-9a-f]*\)  $windows.zip\$/\1/p" "$dist/SHA256SUMS")
source_sum=$(sed -n "s/^\([0-9a-f]*\)  backup-request-$version.tar.gz\$/\1/p" "$dist/SHA256SUMS")
[ "$(jq -r '.architecture."64bit".hash' "$dist/packaging/backup-request.json")" = "$zip_sum" ] || fail "the scoop manifest's hash"
[ "$(jq -r .version "$dist/packaging/backup-request.json")" = "$version" ] || fail "the scoop manifest's version"
grep -q "InstallerSha256: ${zip_sum^^}" "$dist/packaging/backup-request.BackupRequest.installer.yaml" || fail "the winget manifest's hash"
grep -q "sha256 \"$source_sum\"" "$dist/packaging/backup-request.rb" || fail "the Homebrew formula's hash"
if grep -rq '@[A-Z_0-9]*@' "$dist/packaging"; then fail "a manifest still holds a placeholder"; fi

if [ "$failed" = 0 ]; then
  echo "check-release: $(wc -l <"$dist/SHA256SUMS") files, their sums, contents, rpm metadata and manifests hold" >&2
fi
exit "$failed"
