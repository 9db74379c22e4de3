#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 30; CI's sanitize_ci.sh
# passes 20; longer locally, e.g. scripts/fuzz.sh 600) under AddressSanitizer
# and UndefinedBehaviorSanitizer, starting from the corpus in tests/fuzz/corpus/.
# With clang the targets are libFuzzer programs; otherwise a replay driver
# (tests/fuzz/replay_main.cc) runs the corpus and random mutations of it.
# Targets run CACHELAB_FUZZ_JOBS at a time (default: one per core); each is
# single-threaded and still gets its SECONDS of wall time.
# New inputs go to $BUILD/fuzz-work, failures to $BUILD/fuzz-failures; the
# repository's corpus is only read. Exit 1 if any target failed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECS="${1:-30}"
source "$ROOT/scripts/sanitize.sh"
BUILD="$SANITIZE_BUILD_DIR"
JOBS="${CACHELAB_FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}"
configure_sanitize
cmake --build "$BUILD" -j "$(nproc 2>/dev/null || echo 2)" --target "${FUZZ_TARGETS[@]/#/fuzz_}" >&2

mkdir -p "$BUILD/fuzz-failures"
# One target; its exit status goes to $BUILD/fuzz-work/$t.status.
fuzz_one() {
  local t="$1" work="$BUILD/fuzz-work/$1" rc=0
  mkdir -p "$work"
  # libFuzzer stops on a missing corpus directory: pass the seeds only when there are some.
  local seeds=()
  [ -d "$ROOT/tests/fuzz/corpus/$t" ] && seeds=("$ROOT/tests/fuzz/corpus/$t")
  "$BUILD/tests/fuzz/fuzz_$t" -max_total_time="$SECS" -timeout=30 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$BUILD/fuzz-failures/$t-" -print_final_stats=1 "$work" "${seeds[@]}" \
      > "$BUILD/fuzz-work/$t.log" 2>&1 || rc=$?
  echo "$rc" > "$BUILD/fuzz-work/$t.status"
  if [ "$rc" -ne 0 ]; then
    { echo "== fuzz_$t FAILED (exit $rc)"; tail -40 "$BUILD/fuzz-work/$t.log"; } >&2
  else
    { echo "== fuzz_$t done: $(grep -E "stat::number_of_executed_units|replay driver" "$BUILD/fuzz-work/$t.log" | tail -1)"; } >&2
  fi
}

mkdir -p "$BUILD/fuzz-work"
running=0
for t in "${FUZZ_TARGETS[@]}"; do
  rm -f "$BUILD/fuzz-work/$t.status"
  if [ "$running" -ge "$JOBS" ]; then wait -n || true; running=$((running - 1)); fi
  echo "== fuzz_$t for ${SECS}s" >&2
  fuzz_one "$t" &
  running=$((running + 1))
done
wait
failed=()
for t in "${FUZZ_TARGETS[@]}"; do
  [ "$(cat "$BUILD/fuzz-work/$t.status" 2>/dev/null)" = 0 ] || failed+=("$t")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (inputs in $BUILD/fuzz-failures)" >&2
  exit 1
fi
echo "fuzz: ${#FUZZ_TARGETS[@]} targets, ${SECS}s each, $JOBS at a time, no failure" >&2
