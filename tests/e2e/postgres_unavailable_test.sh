#!/usr/bin/env bash
# The case is never lost to a PostgreSQL ledger (issue 27), on a server of its own (scripts/postgres-server.sh):
# stopped in the middle of a run of creates, a wrong password, a server that never answers (libpq's
# connect_timeout, 5 s by default), a read-only server, a schema from a newer version. create still writes
# the case with one ledger-unavailable warning and the exit code the case alone would have; list, show and
# mark fail with exit 3 and the reason; once the server is back, creates are recorded again.
#   postgres_unavailable_test.sh BINARY
set -u
BR=$(realpath "$1")
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
env_file="$work/server.env"
listener_pid=""
cleanup() {
  [ -n "$listener_pid" ] && kill "$listener_pid" 2>/dev/null
  bash "$here/scripts/postgres-server.sh" stop "$env_file" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
bash "$here/scripts/postgres-server.sh" start "$env_file" >/dev/null || exit 1
url=$(sed -n 's/^BACKUP_REQUEST_TEST_POSTGRESQL=//p' "$env_file")
PGPASSWORD=$(sed -n 's/^PGPASSWORD=//p' "$env_file")
export PGPASSWORD BACKUP_REQUEST_NOW=2026-11-20T12:00:00Z BACKUP_REQUEST_WRITTEN_BY=tester@ci-host
unset BACKUP_REQUEST_NO_LEDGER BACKUP_REQUEST_CONFIG
export BACKUP_REQUEST_LEDGER="$url?schema=outage"
cd "$work" || exit 1
J='A faulty data migration deployed at 09:40 UTC overwrote the delivery addresses of 1,200 open orders; we need the Orders table as it was at 09:30 UTC.'
failed=0
check() { # description, condition result (0 = holds), what was seen
  if [ "$2" = 0 ]; then echo "ok: $1"; else echo "FAILED: $1: $3"; failed=$((failed + 1)); fi
}
create() { # n: one create of its own environment, its case to case-n.json, stderr to err-n
  "$BR" create --at 2026-11-20T09:30:00Z -e "env$1.example.com" -j "$J" -o "case-$1.json" 2>"err-$1"
}
records() { "$BR" list --all --format ndjson 2>/dev/null | wc -l; }

for n in 1 2 3; do create "$n"; done
check "3 creates recorded while the server is up" "$([ "$(records)" = 3 ]; echo $?)" "$(records)"

# The server stops in the middle of a run of 20 creates.
(for n in $(seq 10 29); do create "$n"; echo "$n $?" >> codes; sleep 0.05; done) &
run=$!
sleep 0.4
bash "$here/scripts/postgres-server.sh" pause "$env_file"
wait "$run"
written=$(ls case-1[0-9].json case-2[0-9].json 2>/dev/null | wc -l)
check "every case of the run written" "$([ "$written" = 20 ]; echo $?)" "$written of 20"
check "every create of the run exited 0" "$([ "$(awk '$2 != 0' codes | wc -l)" = 0 ]; echo $?)" "$(cat codes)"
warned=$(grep -l '\[ledger-unavailable\]' err-1[0-9] err-2[0-9] | wc -l)
recorded=$(grep -l '^recorded as' err-1[0-9] err-2[0-9] | wc -l)
check "each create either recorded or warned, never both or neither" \
  "$([ $((warned + recorded)) = 20 ] && [ "$warned" -ge 1 ]; echo $?)" "recorded $recorded, warned $warned"
check "one warning line per create, saying why" \
  "$([ "$(grep -c . err-29)" = 1 ] && grep -q 'cannot connect to PostgreSQL: connection to server at "127.0.0.1", port [0-9]* failed: Connection refused' err-29; echo $?)" "$(cat err-29)"
"$BR" list > list.out 2> list.err
code=$?
check "list with the server down: exit 3 and the reason" \
  "$([ "$code" = 3 ] && grep -q '^error: ledger: cannot connect to PostgreSQL: .*Connection refused' list.err; echo $?)" "exit $code: $(cat list.err)"
"$BR" show abcdef > /dev/null 2> show.err; code=$?
check "show with the server down: exit 3" "$([ "$code" = 3 ]; echo $?)" "exit $code: $(cat show.err)"
"$BR" mark abcdef submitted --case 01234567 2> mark.err; code=$?
check "mark with the server down: exit 3" "$([ "$code" = 3 ]; echo $?)" "exit $code: $(cat mark.err)"
bash "$here/scripts/postgres-server.sh" resume "$env_file"
create 40
# A create cut off at its COMMIT may have been recorded though it could not hear so (and warned): at most one.
after=$(records)
check "started again: the next create is recorded, every one recorded before kept" \
  "$(grep -q '^recorded as' err-40 && [ "$after" -ge $((3 + recorded + 1)) ] && [ "$after" -le $((3 + recorded + 2)) ]; echo $?)" "$(cat err-40); $after records, $recorded recorded in the run"

# A wrong password.
PGPASSWORD=wrong create 41; code=$?
check "a wrong password: the case written, exit 0, the server's reason" \
  "$([ "$code" = 0 ] && [ -s case-41.json ] && grep -q 'password authentication failed for user "ledger" \[ledger-unavailable\]\|password authentication failed for user "ledger")' err-41; echo $?)" "exit $code: $(cat err-41)"
PGPASSWORD=wrong "$BR" list > /dev/null 2> list.err; code=$?
check "a wrong password: list exits 3" "$([ "$code" = 3 ]; echo $?)" "exit $code: $(cat list.err)"

# A server that takes the connection and never answers: libpq's connect_timeout, 5 s unless the URL says.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -c "
import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', $port)); s.listen(8)
held = []
while True:
    c, _ = s.accept(); held.append(c)
" &
listener_pid=$!
sleep 0.3
start=$(date +%s)
BACKUP_REQUEST_LEDGER="postgresql://ledger@127.0.0.1:$port/ledger" create 42; code=$?
took=$(($(date +%s) - start))
check "a server that never answers: given up after the 5 s connect_timeout, the case written" \
  "$([ "$code" = 0 ] && [ -s case-42.json ] && [ "$took" -ge 4 ] && [ "$took" -le 9 ] && grep -q 'timeout expired' err-42; echo $?)" "exit $code after ${took}s: $(cat err-42)"
kill "$listener_pid" 2>/dev/null; listener_pid=""

# A read-only server (as a hot standby answers writes).
BACKUP_REQUEST_LEDGER="$url?schema=outage&options=-c%20default_transaction_read_only%3Don" create 43; code=$?
check "a read-only server: the case written, the server's reason" \
  "$([ "$code" = 0 ] && [ -s case-43.json ] && grep -q 'cannot execute .* in a read-only transaction' err-43; echo $?)" "exit $code: $(cat err-43)"
BACKUP_REQUEST_LEDGER="$url?schema=outage&options=-c%20default_transaction_read_only%3Don" "$BR" list --all --format ndjson > ro.ndjson 2> ro.err; code=$?
check "a read-only server still lists" "$([ "$code" = 0 ] && [ "$(wc -l < ro.ndjson)" = "$(records)" ]; echo $?)" "exit $code: $(cat ro.err)"

# A schema written by a newer version.
psql "$url" -q -c 'UPDATE outage.ledger_schema SET version = 9'
create 44; code=$?
check "a newer schema: the case written, the warning says to upgrade" \
  "$([ "$code" = 0 ] && [ -s case-44.json ] && grep -q 'written by a newer backup-request (ledger schema 9, this version knows up to 4); upgrade backup-request' err-44; echo $?)" "exit $code: $(cat err-44)"
"$BR" list > /dev/null 2> list.err; code=$?
check "a newer schema: list exits 3" "$([ "$code" = 3 ] && grep -q 'upgrade backup-request' list.err; echo $?)" "exit $code: $(cat list.err)"
# A case that breaks a rule keeps its own exit code whatever the ledger does.
"$BR" create --at 2026-10-01T00:00:00Z -e env45.example.com -j "$J" > /dev/null 2> err-45; code=$?
check "a case that breaks a rule: exit 1, as without a ledger" "$([ "$code" = 1 ]; echo $?)" "exit $code"

echo "$failed failed"
[ "$failed" = 0 ]
