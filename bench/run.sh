#!/usr/bin/env bash
# The performance harness: builds a Release binary and measures, side by side on this machine, in one run:
#   1. validate throughput and peak RSS on 10^5 and 10^6 drafts, against `jq -c .` on the same file;
#   2. start-up: --version and create, against `jq -n 1` (hyperfine);
#   3. the same with --timezone, to show what the zone database costs, and that it costs nothing without it.
#   bench/run.sh            the full run (a few minutes; about 450 MB of scratch files in $BENCH_DIR or /tmp)
#   bench/run.sh --smoke    a tiny run that checks the harness works (CI)
#   4. validate in both output modes (human, json) on the seeded mix and the all-valid drafts, against jq -c .
#      and wc -l, with instructions per draft (callgrind) and peak RSS;
#   5. three ways of reading drafts (nlohmann DOM, nlohmann SAX, simdjson On-Demand), bench/draft_readers;
#   6. the baseline binary (BASELINE, default 87cb646, built from a git worktree) against the new one on every
#      corpus and mode: stdout, stderr and exit code must be identical, or the harness fails; and its start-up.
# Prints a Markdown report on stdout; docs/performance.md records one.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=(100000 1000000)
runs=50
repeat=3
if [ "${1:-}" = --smoke ]; then
  sizes=(1000)
  runs=3
  repeat=1
fi
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
now=2026-11-20T12:00:00Z

cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBACKUP_REQUEST_BUILD_TESTS=OFF \
  -DBACKUP_REQUEST_BUILD_BENCH=ON >&2
cmake --build build-release -j2 >&2
br=$PWD/build-release/backup-request

# seconds (best of $repeat runs: the least disturbed) and peak RSS (KiB, the largest) of a command, stdout dropped
# Seconds from bash's EPOCHREALTIME (microseconds; time's %e has 10 ms steps, too coarse for wc -l).
measure() {
  local best="" peak=0 s kb start end
  for _ in $(seq "$repeat"); do
    start=$EPOCHREALTIME
    /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || true
    end=$EPOCHREALTIME
    read -r _ kb < <(tail -n 1 "$work/time.txt")
    s=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.4f", b - a}')
    if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN {exit !(a < b)}'; then best=$s; fi
    if [ "$kb" -gt "$peak" ]; then peak=$kb; fi
  done
  echo "$best $peak"
}

echo "# backup-request performance"
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(jq --version), $(hyperfine --version)"
echo "Commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown); date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo
echo "## validate throughput (single thread, --format json, stdout to /dev/null; best of $repeat runs)"
echo
echo "| drafts | MB | tool | seconds | drafts/s | MB/s | peak RSS MiB | speed vs jq |"
echo "|---:|---:|---|---:|---:|---:|---:|---:|"
declare -A rss
for n in "${sizes[@]}"; do
  file=$work/drafts-$n.ndjson
  [ -s "$file" ] || python3 bench/generate_drafts.py "$n" --parseable-only >"$file"
  mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN {printf "%.1f", b/1e6}')
  read -r jq_s jq_kb < <(measure jq -c . "$file")
  read -r br_s br_kb < <(measure "$br" validate --jobs 1 --now "$now" --format json "$file")
  rss[$n]=$br_kb
  for row in "jq -c .|$jq_s|$jq_kb" "backup-request validate|$br_s|$br_kb"; do
    IFS='|' read -r tool s kb <<<"$row"
    awk -v n="$n" -v mb="$mb" -v tool="$tool" -v s="$s" -v kb="$kb" -v jq="$jq_s" 'BEGIN {
      if (s <= 0) s = 0.001
      printf "| %d | %s | %s | %.2f | %.0f | %.1f | %.1f | %.2fx |\n", n, mb, tool, s, n/s, mb/s, kb/1024, jq/s }'
  done
done
n=${sizes[0]}
bad=$work/malformed-$n.ndjson
[ -s "$bad" ] || python3 bench/generate_drafts.py "$n" --malformed-only >"$bad"
read -r bad_s bad_kb < <(measure "$br" validate --now "$now" --format json "$bad")
mixed=$work/mixed-$n.ndjson
[ -s "$mixed" ] || python3 bench/generate_drafts.py "$n" >"$mixed"
read -r mixed_s mixed_kb < <(measure "$br" validate --now "$now" --format json "$mixed")
echo
echo "Malformed lines only ($n, jq stops at the first): $bad_s s, peak RSS $(awk -v kb="$bad_kb" 'BEGIN {printf "%.1f", kb/1024}') MiB."
echo "The full seeded mix ($n, 5% malformed): $mixed_s s, peak RSS $(awk -v kb="$mixed_kb" 'BEGIN {printf "%.1f", kb/1024}') MiB."
if [ "${#sizes[@]}" -gt 1 ]; then
  awk -v a="${rss[${sizes[0]}]}" -v b="${rss[${sizes[1]}]}" 'BEGIN {
    printf "\nPeak RSS, 10^6 drafts against 10^5: %.2fx (target at most 1.2x, and under 32 MiB)\n", b/a }'
fi

zoned=$work/zoned-$n.ndjson
[ -s "$zoned" ] || sed 's/^{"point_in_time":"\([^"]*\)Z"/{"time_zone":"Europe\/Lisbon","point_in_time":"\1"/' \
  "$work/drafts-$n.ndjson" | sed 's/"point_in_time":"\([0-9-]*\)T/"point_in_time":"\1 /' >"$zoned"
read -r zoned_s zoned_kb < <(measure "$br" validate --now "$now" --format json "$zoned")
echo "The same $n drafts with \"time_zone\":\"Europe/Lisbon\" and local times: $zoned_s s, peak RSS $(awk -v kb="$zoned_kb" 'BEGIN {printf "%.1f", kb/1024}') MiB."

echo
echo "## validate in both output modes (issue 13's harness; best of $repeat runs)"
echo
echo "Each corpus is $n drafts. 'seeded mix': every line parses, about a quarter aged out, some IP literals and"
echo "placeholders; 'all valid': the drafts of the same file that pass. jq -c . and wc -l read the same file: jq is the"
echo "target to beat, wc -l the floor of one pass over the bytes. Instructions per draft: callgrind on the first 2,000."
echo
echo "| corpus | mode | seconds | speed vs jq | time vs wc -l | instructions/draft | peak RSS MiB |"
echo "|---|---|---:|---:|---:|---:|---:|"
mix=$work/drafts-$n.ndjson
valid=$work/valid-$n.ndjson
if [ ! -s "$valid" ]; then
  "$br" validate --now "$now" --format json "$mix" 2>/dev/null |
    jq -r '.drafts[] | select(.valid) | .line' >"$work/valid-lines.txt" || true
  awk 'NR == FNR {keep[$1] = 1; next} FNR in keep' "$work/valid-lines.txt" "$mix" >"$valid"
fi
for corpus in "seeded mix|$mix" "all valid|$valid"; do
  IFS='|' read -r label file <<<"$corpus"
  count=$(wc -l <"$file")
  [ "$count" -gt 0 ] || continue
  read -r jq_s _ < <(measure jq -c . "$file")
  read -r wc_s _ < <(measure wc -l "$file")
  head -n 2000 "$file" >"$work/head.ndjson"
  for mode in human json; do
    read -r s kb < <(measure "$br" validate --jobs 1 --now "$now" --format "$mode" "$file")
    instructions=n/a
    if command -v valgrind >/dev/null; then
      valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$br" validate --jobs 1 --now "$now" --format "$mode" \
        "$work/head.ndjson" >/dev/null 2>"$work/cg.txt" || true
      total=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/cg.txt" | tail -n 1)
      [ -n "$total" ] && instructions=$(awk -v t="$total" -v n="$(wc -l <"$work/head.ndjson")" 'BEGIN {printf "%.0f", t/n}')
    fi
    awk -v label="$label" -v mode="$mode" -v s="$s" -v jq="$jq_s" -v wc="$wc_s" -v ins="$instructions" -v kb="$kb" 'BEGIN {
      if (s <= 0) s = 0.001; if (wc <= 0) wc = 0.001
      printf "| %s | %s | %.3f | %.2fx | %.1fx | %s | %.1f |\n", label, mode, s, jq/s, s/wc, ins, kb/1024 }'
  done
done

echo
echo "## reading drafts: three ways (issue 13's choice)"
echo
echo "The same $n drafts (all valid) read into the request input by bench/draft_readers: nlohmann's DOM then"
echo "read_draft (the old path), nlohmann's SAX interface, simdjson's On-Demand API (the new path). Instructions per"
echo "draft: callgrind on the first 2,000, start-up included."
echo
echo "| reader | seconds | instructions/draft |"
echo "|---|---:|---:|"
readers=$PWD/build-release/draft_readers
head -n 2000 "$valid" >"$work/head.ndjson"
for reader in dom sax simdjson; do
  read -r s _ < <(measure "$readers" "$reader" "$valid")
  instructions=n/a
  if command -v valgrind >/dev/null; then
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$readers" "$reader" "$work/head.ndjson" \
      >/dev/null 2>"$work/cg.txt" || true
    total=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/cg.txt" | tail -n 1)
    [ -n "$total" ] && instructions=$(awk -v t="$total" -v n="$(wc -l <"$work/head.ndjson")" 'BEGIN {printf "%.0f", t/n}')
  fi
  printf '| %s | %.3f | %s |\n' "$reader" "$s" "$instructions"
done

echo
echo "## the same diagnostics as before (old binary against new)"
echo
# The baseline is the last commit before issue 13's reading and rules changes; BASELINE=<commit> picks another.
# The last commit whose diagnostics changed on purpose (issue 18: one env-duplicate warning per repeated host,
# with a count); performance work must keep every byte of its output.
baseline=${BASELINE:-87cb646}
if git rev-parse --verify --quiet "$baseline^{commit}" >/dev/null; then
  old_src=$work/baseline-src
  rm -rf "$old_src"
  git worktree add --force --detach "$old_src" "$baseline" >/dev/null 2>&1
  cmake -S "$old_src" -B "$work/baseline-build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBACKUP_REQUEST_BUILD_TESTS=OFF >&2
  cmake --build "$work/baseline-build" -j2 --target backup-request >&2
  old=$work/baseline-build/backup-request
  echo "Baseline $(git rev-parse --short "$baseline"); each corpus in each mode: stdout, stderr and exit code compared byte for byte."
  echo
  echo "| corpus | mode | drafts | result |"
  echo "|---|---|---:|---|"
  differ=0
  for corpus in "seeded mix|$mix" "all valid|$valid" "malformed lines|$bad" "full mix, 5% malformed|$mixed" "local times|$zoned"; do
    IFS='|' read -r label file <<<"$corpus"
    for mode in human json; do
      for binary in old new; do
        exe=$old; [ "$binary" = new ] && exe=$br
        code=0
        "$exe" validate --now "$now" --format "$mode" "$file" >"$work/$binary.out" 2>"$work/$binary.err" || code=$?
        echo "$code" >"$work/$binary.code"
      done
      if cmp -s "$work/old.out" "$work/new.out" && cmp -s "$work/old.err" "$work/new.err" &&
         cmp -s "$work/old.code" "$work/new.code"; then
        result=identical
      else
        result="**differs**"; differ=1
      fi
      echo "| $label | $mode | $(wc -l <"$file") | $result |"
    done
  done
  git worktree remove --force "$old_src" >/dev/null 2>&1 || true
  if [ "$differ" = 1 ]; then
    echo "bench/run.sh: the new binary's diagnostics differ from the baseline's" >&2
    exit 1
  fi
else
  echo "Skipped: the baseline commit $baseline is not in this clone (a shallow clone?)."
fi

echo
echo "## every core: validate --jobs (issue 20)"
echo
cores=$(nproc)
jobs=$(( cores > 1 ? cores : 2 ))
# Runs of a tenth of a second vary by more than the differences measured here: the best of more runs.
saved_repeat=$repeat
[ "$repeat" = 1 ] || repeat=7
echo "--jobs 1 against --jobs $jobs ($cores cores) on every corpus and mode: stdout, stderr and exit code compared byte"
echo "for byte (the harness fails on a difference); seconds best of $repeat; wc -l on the same file is the floor of"
echo "one pass over the bytes."
echo
echo "| corpus | mode | drafts | --jobs 1 s | --jobs $jobs s | speed-up | --jobs $jobs vs wc -l | peak RSS MiB (--jobs $jobs) | output |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---|"
jobs_differ=0
for corpus in "seeded mix|$mix" "all valid|$valid" "malformed lines|$bad" "full mix, 5% malformed|$mixed" "local times|$zoned"; do
  IFS='|' read -r label file <<<"$corpus"
  read -r wc_s _ < <(measure wc -l "$file")
  for mode in human json; do
    for j in 1 "$jobs"; do
      code=0
      "$br" validate --jobs "$j" --now "$now" --format "$mode" "$file" >"$work/jobs$j.out" 2>"$work/jobs$j.err" || code=$?
      echo "$code" >"$work/jobs$j.code"
    done
    result=identical
    if ! cmp -s "$work/jobs1.out" "$work/jobs$jobs.out" || ! cmp -s "$work/jobs1.err" "$work/jobs$jobs.err" ||
       ! cmp -s "$work/jobs1.code" "$work/jobs$jobs.code"; then
      result="**differs**"; jobs_differ=1
    fi
    read -r one_s _ < <(measure "$br" validate --jobs 1 --now "$now" --format "$mode" "$file")
    read -r many_s many_kb < <(measure "$br" validate --jobs "$jobs" --now "$now" --format "$mode" "$file")
    awk -v label="$label" -v mode="$mode" -v n="$(wc -l <"$file")" -v one="$one_s" -v many="$many_s" -v wc="$wc_s" \
        -v kb="$many_kb" -v result="$result" 'BEGIN {
      if (many <= 0) many = 0.001; if (wc <= 0) wc = 0.001
      printf "| %s | %s | %d | %.3f | %.3f | %.2fx | %.1fx | %.1f | %s |\n", label, mode, n, one, many, one/many, many/wc, kb/1024, result }'
  done
done
if [ "${#sizes[@]}" -gt 1 ]; then
  big=$work/drafts-${sizes[1]}.ndjson
  read -r _ big_kb < <(measure "$br" validate --jobs "$jobs" --now "$now" --format json "$big")
  read -r _ small_kb < <(measure "$br" validate --jobs "$jobs" --now "$now" --format json "$work/drafts-${sizes[0]}.ndjson")
  awk -v a="$small_kb" -v b="$big_kb" -v j="$jobs" 'BEGIN {
    printf "\nPeak RSS with --jobs %d, 10^6 drafts against 10^5: %.2fx (%.1f MiB against %.1f MiB)\n", j, b/a, b/1024, a/1024 }'
fi
repeat=$saved_repeat
if [ "$jobs_differ" = 1 ]; then
  echo "bench/run.sh: validate --jobs $jobs wrote other bytes than --jobs 1" >&2
  exit 1
fi

echo
echo "## start-up (hyperfine, $runs runs after 3 warm-ups)"
echo
echo "create with --no-ledger is what the baseline did; recorded in a scratch ledger, it also reads the earlier"
echo "records for its environment and commits one (SQLite, WAL) — the ledger grows by one record a run."
echo
reason="A failed deployment at 14:40 UTC deleted 3,000 invoices from the production database; finance cannot close the month."
baseline_create=()
if [ -n "${old:-}" ] && [ -x "$old" ]; then # the baseline binary, to show create's start-up did not regress
  baseline_create=(-n "baseline create ($(git rev-parse --short "$baseline"))"
    "$old create --now $now --at now-2h --env acme-prd.outsystemsenterprise.com -j '$reason'")
fi
hyperfine --style none --warmup 3 --runs "$runs" --export-markdown "$work/startup.md" -N \
  "${baseline_create[@]}" \
  -n 'jq -n 1' "jq -n 1" \
  -n 'backup-request --version' "$br --version" \
  -n 'backup-request create --no-ledger' "$br --no-ledger create --now $now --at now-2h --env acme-prd.outsystemsenterprise.com -j '$reason'" \
  -n 'backup-request create --timezone --no-ledger' "$br --no-ledger create --now $now --at '2026-11-20 09:30' --timezone Europe/Lisbon --env acme-prd.outsystemsenterprise.com -j '$reason'" \
  -n 'backup-request create (recorded in a ledger)' "$br --ledger $work/ledger.sqlite create -q --now $now --at now-2h --env acme-prd.outsystemsenterprise.com -j '$reason'" \
  >/dev/null
cat "$work/startup.md"
if [ -z "${BENCH_DIR:-}" ]; then
  rm -rf "$work"
fi
