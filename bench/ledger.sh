#!/usr/bin/env bash
# The ledger's costs on both stores (issue 27), with a Release binary and a throwaway PostgreSQL 15 on
# 127.0.0.1 (scripts/postgres-server.sh):
#   1. what a ledger adds to `create`: none, a SQLite file, PostgreSQL, PostgreSQL through PgBouncer
#      (hyperfine; target: PostgreSQL adds at most 20 ms);
#   2. `list` of 100,000 records, as a table and as NDJSON, on SQLite and on PostgreSQL (target: under 1 s).
#   bench/ledger.sh            the full run (a minute or two)
#   bench/ledger.sh --smoke    1,000 records and a few runs: checks the harness works (CI)
# Prints a Markdown report on stdout; docs/performance.md records one. Exits 1 when a target is missed
# (not in --smoke, whose numbers are too few to judge).
set -euo pipefail
cd "$(dirname "$0")/.."
records=100000
runs=30
smoke=0
if [ "${1:-}" = --smoke ]; then
  records=1000
  runs=3
  smoke=1
fi
work=$(mktemp -d)
env_file=$work/server.env
trap 'bash scripts/postgres-server.sh stop "$env_file" >/dev/null 2>&1; rm -rf "$work"' EXIT
if [ ! -x build-release/backup-request ]; then
  cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBACKUP_REQUEST_BUILD_TESTS=OFF \
    -DBACKUP_REQUEST_BUILD_BENCH=ON >&2
fi
cmake --build build-release -j2 >&2
br=$PWD/build-release/backup-request
bash scripts/postgres-server.sh start "$env_file" >&2
pg=$(sed -n 's/^BACKUP_REQUEST_TEST_POSTGRESQL=//p' "$env_file")
bouncer=$(sed -n 's/^BACKUP_REQUEST_TEST_PGBOUNCER=//p' "$env_file")
PGPASSWORD=$(sed -n 's/^PGPASSWORD=//p' "$env_file")
export PGPASSWORD BACKUP_REQUEST_NOW=2026-11-20T12:00:00Z BACKUP_REQUEST_WRITTEN_BY=bench@host
unset BACKUP_REQUEST_NO_LEDGER BACKUP_REQUEST_LEDGER BACKUP_REQUEST_CONFIG
J='A faulty data migration deployed at 09:40 UTC overwrote the delivery addresses of 1,200 open orders; we need the Orders table as it was at 09:30 UTC.'
create="create --at 2026-11-20T09:30:00Z -e prd.example.com -j '$J' -q"

echo "## The ledger's cost (bench/ledger.sh)"
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); PostgreSQL $(/usr/lib/postgresql/15/bin/postgres --version | awk '{print $3}') and $(pgbouncer --version | head -1) on 127.0.0.1 (fsync off); $(hyperfine --version)"
echo "Commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown); date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo
echo "### create, with each ledger ($runs runs after 3 warm-ups; each run records one more request)"
echo
# hyperfine's shell is none (-N): the command line is split by hyperfine, so the justification is one word.
hyperfine --style none --warmup 3 --runs "$runs" -N --export-json "$work/create.json" --export-markdown "$work/create.md" \
  -n "no ledger" "$br --no-ledger create --at 2026-11-20T09:30:00Z -e prd.example.com -j ${J// /_} -q" \
  -n "SQLite" "$br --ledger $work/bench.sqlite create --at 2026-11-20T09:30:00Z -e prd.example.com -j ${J// /_} -q" \
  -n "PostgreSQL" "$br --ledger $pg?schema=bench create --at 2026-11-20T09:30:00Z -e prd.example.com -j ${J// /_} -q" \
  -n "PostgreSQL through PgBouncer" "$br --ledger $bouncer?schema=bench_bouncer create --at 2026-11-20T09:30:00Z -e prd.example.com -j ${J// /_} -q" \
  >/dev/null
cat "$work/create.md"
added=$(jq '(.results[2].mean - .results[0].mean) * 1000' "$work/create.json")
echo
printf 'PostgreSQL adds %.1f ms to a create (target: at most 20 ms).\n' "$added"
echo

# 100,000 records: one real request recorded, then copied under generated ids by SQL (what thousands of
# creates would leave, without waiting for them; upper-case ids, which the tool never makes), with its
# environments and its event.
"$br" --ledger "$work/list.sqlite" create --at 2026-11-20T09:30:00Z -e prd.example.com -j "$J" -q >/dev/null
"$br" --ledger "$pg?schema=list" create --at 2026-11-20T09:30:00Z -e prd.example.com -j "$J" -q >/dev/null
columns="request_type, point_in_time, environments, reference, contact, justification, written_at, retention_deadline, format, destination, payload, state, case_id, ticket, delivered_at, access_ends_at, extends, written_by"
python3 - "$work/list.sqlite" "$records" "$columns" <<'PY'
import sqlite3, sys
path, n, columns = sys.argv[1], int(sys.argv[2]), sys.argv[3]
db = sqlite3.connect(path)
(first,) = db.execute("SELECT id FROM requests").fetchone()
with db:
    db.execute(f"""INSERT INTO requests (id, {columns}) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n - 1})
                   SELECT printf('B%05d', i), {columns} FROM requests, n WHERE id = ?""", (first,))
    db.execute("INSERT INTO events SELECT r.id, 0, e.state, e.recorded_at, e.detail FROM requests r, events e WHERE e.request_id = ? AND r.id != ?", (first, first))
    db.execute("INSERT INTO request_environments SELECT id, 'prd.example.com' FROM requests WHERE id != ?", (first,))
PY
psql "$pg" -q -v ON_ERROR_STOP=1 <<SQL
INSERT INTO list.requests (id, $columns) SELECT 'B' || lpad(i::text, 5, '0'), $columns FROM list.requests, generate_series(1, $records - 1) AS i;
INSERT INTO list.events SELECT r.id, 0, e.state, e.recorded_at, e.detail FROM list.requests r, list.events e WHERE r.id LIKE 'B%';
INSERT INTO list.request_environments SELECT id, 'prd.example.com' FROM list.requests WHERE id LIKE 'B%';
ANALYZE list.requests; ANALYZE list.events; ANALYZE list.request_environments;
SQL
for store in "$work/list.sqlite" "$pg?schema=list"; do
  count=$("$br" --ledger "$store" list --all --format ndjson | wc -l)
  [ "$count" = "$records" ] || { echo "bench/ledger.sh: $store lists $count records, not $records" >&2; exit 1; }
done
echo "### list of $(printf "%'d" "$records") records ($((runs < 10 ? runs : 10)) runs after 1 warm-up)"
echo
hyperfine --style none --warmup 1 --runs $((runs < 10 ? runs : 10)) -N --export-json "$work/list.json" --export-markdown "$work/list.md" \
  -n "SQLite: list --all (table)" "$br --ledger $work/list.sqlite list --all" \
  -n "SQLite: list --all --format ndjson" "$br --ledger $work/list.sqlite list --all --format ndjson" \
  -n "PostgreSQL: list --all (table)" "$br --ledger $pg?schema=list list --all" \
  -n "PostgreSQL: list --all --format ndjson" "$br --ledger $pg?schema=list list --all --format ndjson" \
  >/dev/null
cat "$work/list.md"
slowest=$(jq '[.results[].mean] | max' "$work/list.json")
echo
printf 'Slowest list: %.3f s (target: under 1 s).\n' "$slowest"
if [ "$smoke" = 0 ]; then
  awk -v a="$added" -v s="$slowest" 'BEGIN { exit !(a <= 20 && s < 1) }' || { echo "bench/ledger.sh: a target was missed" >&2; exit 1; }
fi
