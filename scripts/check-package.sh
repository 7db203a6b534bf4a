#!/usr/bin/env bash
# Builds the Debian package from ./build (cpack -G DEB), installs it on this machine, runs the installed binary,
# and removes it again. Needs root and a configured ./build (scripts/setup.sh). Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/../build"
if [ "$(id -u)" != 0 ]; then
  echo "check-package: not root, so the package cannot be installed here; skipped" >&2
  exit 0
fi
rm -f backup-request_*.deb
cpack -G DEB >&2
deb=$(ls backup-request_*.deb)
dpkg-deb -I "$deb" | grep -E '^ (Package|Version|Depends):' >&2
dpkg -i "$deb" >&2
trap 'dpkg -r backup-request >&2' EXIT
version=$(/usr/bin/backup-request --version)
case "$version" in
  0.1.0*) ;;
  *) echo "check-package: unexpected version '$version'" >&2; exit 1 ;;
esac
/usr/bin/backup-request create --example --compact | jq -e '.example == true and .schema_version == 1' >/dev/null
test -f /usr/share/backup-request/schema/payload.schema.json
# The documents a user of the package reads: every one the README names (its links hold in the installed copy),
# and the licence in Debian's place.
for doc in $(grep -o 'docs/[a-z_./-]*' ../README.md | sed 's|^docs/||; s|/$||' | sort -u) README.md copyright; do
  test -e "/usr/share/doc/backup-request/$doc" || { echo "check-package: $doc is not installed" >&2; exit 1; }
done
grep -q '^License: Apache-2.0' /usr/share/doc/backup-request/copyright
echo "check-package: $deb installs, runs (--version: $version; create --example) and is removed" >&2
