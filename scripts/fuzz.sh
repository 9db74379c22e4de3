#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 30, as in CI; longer
# locally, e.g. scripts/fuzz.sh 600) under AddressSanitizer and
# UndefinedBehaviorSanitizer, starting from the corpus in tests/fuzz/corpus/.
# With clang the targets are libFuzzer programs; otherwise a replay driver
# (tests/fuzz/replay_main.cc) runs the corpus and random mutations of it.
# New inputs go to $BUILD/fuzz-work, failures to $BUILD/fuzz-failures; the
# repository's corpus is only read. Exit 1 if any target failed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECS="${1:-30}"
source "$ROOT/scripts/sanitize.sh"
BUILD="$SANITIZE_BUILD_DIR"
TARGETS=(trace_txt trace_csv trace_oracleGeneral trace_vscsi trace_twitter trace_arc experiment_file params resp result_store)
configure_sanitize
cmake --build "$BUILD" -j "$(nproc 2>/dev/null || echo 2)" --target "${TARGETS[@]/#/fuzz_}" >&2

mkdir -p "$BUILD/fuzz-failures"
failed=()
for t in "${TARGETS[@]}"; do
  work="$BUILD/fuzz-work/$t"
  mkdir -p "$work"
  echo "== fuzz_$t for ${SECS}s" >&2
  # libFuzzer stops on a missing corpus directory: pass the seeds only when there are some.
  seeds=()
  [ -d "$ROOT/tests/fuzz/corpus/$t" ] && seeds=("$ROOT/tests/fuzz/corpus/$t")
  if ! "$BUILD/tests/fuzz/fuzz_$t" -max_total_time="$SECS" -timeout=30 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$BUILD/fuzz-failures/$t-" -print_final_stats=1 "$work" "${seeds[@]}" \
      > "$BUILD/fuzz-work/$t.log" 2>&1; then
    failed+=("$t")
    tail -40 "$BUILD/fuzz-work/$t.log" >&2
  else
    grep -E "stat::number_of_executed_units|replay driver" "$BUILD/fuzz-work/$t.log" | tail -1 >&2 || true
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (inputs in $BUILD/fuzz-failures)" >&2
  exit 1
fi
echo "fuzz: ${#TARGETS[@]} targets, ${SECS}s each, no failure" >&2
