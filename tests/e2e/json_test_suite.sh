#!/usr/bin/env bash
# Feeds every file of JSONTestSuite's parsing corpus to `validate` and to `create --from`:
#   n_ (invalid JSON):  exit 3, exactly one line on stderr (with -q), nothing on stdout
#   y_ (valid JSON):    parsed, so never exit 3; it breaks the rules (exit 1) unless it is a valid draft (0)
#   i_ (either):        exit 0, 1 or 3; never a crash, a hang, or an internal error
#   json_test_suite.sh BINARY CORPUS_DIR      fails when the corpus is not there (scripts/fetch-test-data.sh)
set -u
BR=$1
corpus=$2
if [ ! -d "$corpus" ] || [ -z "$(ls "$corpus")" ]; then
  echo "JSONTestSuite corpus not found at $corpus: run scripts/fetch-test-data.sh (scripts/setup.sh --tests does)"
  exit 1
fi
export BACKUP_REQUEST_NOW=2026-11-20T12:00:00Z
unset BACKUP_REQUEST_TZ NO_COLOR
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
files=0
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }

check() { # kind file command...
  local kind=$1 file=$2 name
  name=$(basename "$file")
  shift 2
  timeout 10 "$@" >"$work/out" 2>"$work/err"
  local code=$?
  # Under Wine (the Windows build's emulator) the loader now and then exits 1 before the program runs, writing
  # nothing; the program itself never ends silent with a non-zero code. Such a run is tried once more.
  if [ "$code" != 0 ] && [ ! -s "$work/out" ] && [ ! -s "$work/err" ] && [ "${BR##*-}" = emulated ]; then
    echo "note: $name ($*): exit $code with no output under the emulator; run again"
    timeout 10 "$@" >"$work/out" 2>"$work/err"
    code=$?
  fi
  local lines
  lines=$(wc -l <"$work/err")
  case "$kind" in
    n)
      [ "$code" = 3 ] || fail "$name ($*)" "exit $code, expected 3"
      [ "$lines" = 1 ] || fail "$name ($*)" "$lines lines on stderr, expected 1: $(head -c 300 "$work/err")"
      [ ! -s "$work/out" ] || fail "$name ($*)" "stdout is not empty"
      ;;
    y)
      case "$code" in 0|1) ;; *) fail "$name ($*)" "exit $code, expected 1 (or 0)" ;; esac
      ;;
    i)
      case "$code" in 0|1|3) ;; *) fail "$name ($*)" "exit $code, expected 0, 1 or 3" ;; esac
      ;;
  esac
  if grep -q "internal error" "$work/err"; then
    fail "$name ($*)" "internal error: $(head -c 300 "$work/err")"
  fi
}

for file in "$corpus"/*.json; do
  name=$(basename "$file")
  kind=${name%%_*}
  files=$((files + 1))
  check "$kind" "$file" "$BR" -q validate "$file"
  check "$kind" "$file" "$BR" -q create --from "$file"
  # Human output: the one error line plus the summary; JSON output: a report, whatever the file holds.
  if [ "$kind" = n ]; then
    timeout 10 "$BR" validate --format json "$file" >"$work/report" 2>/dev/null
    jq -e '.valid == false and .error_count == 1' "$work/report" >/dev/null ||
      fail "$name (validate --format json)" "not a report with one error: $(head -c 300 "$work/report")"
  fi
done
echo "$files files, $failed failures"
[ "$failed" = 0 ]
