#!/usr/bin/env bash
# The hardening checks CI runs after the test suite:
#   1. the whole test suite built with AddressSanitizer and UndefinedBehaviorSanitizer (g++), but the heavy
#      memory test, whose bound is for the real allocator;
#   2. every libFuzzer target (clang) replayed over its seed corpus, then fuzzed for a short bounded run.
#   scripts/check-hardening.sh [SECONDS_PER_FUZZ_TARGET]     (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}

bash scripts/setup.sh --tests --fuzz --no-build

werror=OFF
if [ "${BACKUP_REQUEST_WERROR:-0}" = 1 ]; then
  werror=ON
fi

echo "== test suite under ASan and UBSan" >&2
cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBACKUP_REQUEST_SANITIZE=ON \
  -DBACKUP_REQUEST_WERROR="$werror" >&2
cmake --build build-sanitize -j2 >&2
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-sanitize --output-on-failure -j2 -LE heavy

echo "== fuzz targets: seed corpora, then ${seconds}s each" >&2
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBACKUP_REQUEST_FUZZ=ON -DBACKUP_REQUEST_BUILD_TESTS=OFF -DBACKUP_REQUEST_WERROR="$werror" >&2
cmake --build build-fuzz -j2 >&2
for target in time_parser environment_address draft plain_draft; do
  fuzzer=build-fuzz/fuzz/${target}_fuzzer
  "$fuzzer" -runs=0 "fuzz/corpus/$target" 2>&1 | tail -n 1
  work=$(mktemp -d)
  cp "fuzz/corpus/$target"/* "$work/"
  "$fuzzer" -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 -artifact_prefix="$work/" "$work" \
    2>"$work/log" || { tail -n 40 "$work/log"; exit 1; }
  grep -E 'stat::number_of_executed_units|cov:' "$work/log" | tail -n 2
  rm -rf "$work"
done
echo "hardening checks passed" >&2
