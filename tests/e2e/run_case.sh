#!/usr/bin/env bash
# Runs one end-to-end case the way a user or a script would, and compares exit code, stdout and stderr exactly.
#   run_case.sh BINARY CASE_DIR      CASE_DIR holds: cmd (a bash script using $BR), exit, stdout, stderr,
#                                    and optionally check.jq (a jq filter that must yield true on stdout).
# UPDATE_GOLDEN=1 rewrites exit, stdout and stderr from the actual run (review the diff before committing).
set -u
BR=$(realpath "$1")
case_dir=$(realpath "$2")
here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
mkdir "$work/cwd" && cd "$work/cwd" || exit 1

# A fixed, clean environment: the clock is set per case, nothing leaks in from the caller.
unset BACKUP_REQUEST_NOW BACKUP_REQUEST_TZ BACKUP_REQUEST_CONFIG
# This machine's zone is named in messages about a time without one: UTC here (then nothing is named), so the
# goldens do not depend on the machine; cases about it set TZ themselves.
export TZ=UTC
export BR CASE_DIR="$case_dir" LC_ALL=C.UTF-8 NO_COLOR=1 TERM=dumb HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config"
# Who writes records is fixed, so goldens do not name the machine (a case about the default unsets it).
export BACKUP_REQUEST_WRITTEN_BY=tester@ci-host USER=tester USERNAME=tester
# The ledger is off, as in a script or CI job, except in cases about it (a file named "ledger" in the case):
# those get one of their own (a case about the default place unsets BACKUP_REQUEST_LEDGER).
unset BACKUP_REQUEST_LEDGER BACKUP_REQUEST_NO_LEDGER
if [ -f "$case_dir/ledger" ] && [ -n "${BACKUP_REQUEST_TEST_LEDGER:-}" ]; then
  # The same case on another store (tests/e2e/CMakeLists.txt): a fresh schema on the test server, reached
  # directly or through PgBouncer; the password where libpq looks.
  server_url=$(sed -n "s/^BACKUP_REQUEST_TEST_$(echo "$BACKUP_REQUEST_TEST_LEDGER" | tr a-z A-Z)=//p" "$BACKUP_REQUEST_TEST_POSTGRES_ENV")
  PGPASSWORD=$(sed -n 's/^PGPASSWORD=//p' "$BACKUP_REQUEST_TEST_POSTGRES_ENV")
  export PGPASSWORD
  export BACKUP_REQUEST_LEDGER="$server_url?schema=t_$(basename "$case_dir" | tr -c 'a-z0-9_\n' _ | cut -c1-40)_$RANDOM$RANDOM"
elif [ -f "$case_dir/ledger" ]; then
  export BACKUP_REQUEST_LEDGER="$work/ledger.sqlite"
else
  export BACKUP_REQUEST_NO_LEDGER=1
fi

bash "$case_dir/cmd" >"$work/actual_stdout" 2>"$work/actual_stderr" </dev/null
code=$?

if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
  echo "$code" >"$case_dir/exit"
  cp "$work/actual_stdout" "$case_dir/stdout"
  cp "$work/actual_stderr" "$case_dir/stderr"
fi

failed=0
expected_code=$(cat "$case_dir/exit")
if [ "$code" != "$expected_code" ]; then
  echo "exit code: expected $expected_code, got $code"
  failed=1
fi
for stream in stdout stderr; do
  expected="$case_dir/$stream"
  [ -f "$expected" ] || expected=/dev/null
  if ! diff -u --label "expected $stream" --label "actual $stream" "$expected" "$work/actual_$stream"; then
    failed=1
  fi
done
# Every payload and report a case prints must be JSON that jq reads, and conform to its published schema.
schema=""
if [ ! -s "$work/actual_stdout" ]; then
  schema=""
elif [ -f "$case_dir/schema" ]; then
  schema=$(cat "$case_dir/schema")
elif jq -e 'type == "object" and has("request_type")' "$work/actual_stdout" >/dev/null 2>&1; then
  schema=payload
elif jq -e 'type == "object" and has("format_version")' "$work/actual_stdout" >/dev/null 2>&1; then
  schema=report
fi
if [ -n "$schema" ] && ! python3 "$here/check_schema.py" "$here/../../docs/schema/$schema.schema.json" \
    "$work/actual_stdout"; then
  echo "stdout does not conform to docs/schema/$schema.schema.json"
  failed=1
fi
if [ -f "$case_dir/check.jq" ] && ! jq -e -f "$case_dir/check.jq" "$work/actual_stdout" >/dev/null; then
  echo "check.jq did not hold on stdout"
  failed=1
fi
exit "$failed"
