#!/usr/bin/env bash
# scripts/profile.sh [cachelab run options]
#
# Where the time of a simulated run goes, per component: samples `cachelab run
# --no-store` with `perf record` (self time per function, no call graphs), then
# sums the functions by component from their names. Inlined code counts for the
# function it was inlined into; callbacks (InplaceFunction<...>::OpsFor<X>)
# count for X, the component that scheduled them.
# Needs perf (Debian: linux-perf) and kernel.perf_event_paranoid <= 2 (or root);
# PROFILER=callgrind counts instructions with valgrind instead (slow: use a
# short run, e.g. --requests 200000; not fooled by a loaded machine).
# CACHELAB (default build/cli/cachelab) picks the binary; TOP=n also lists the
# n hottest functions.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${CACHELAB:-$ROOT/build/cli/cachelab}"
[ "${PROFILER:-perf}" = callgrind ] || command -v perf >/dev/null ||
  { echo "profile.sh: perf not found (apt-get install linux-perf, or PROFILER=callgrind)" >&2; exit 2; }
[ -x "$BIN" ] || { echo "profile.sh: $BIN not built (cmake --build build --target cachelab)" >&2; exit 2; }

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
echo "load: $(uptime)"
echo "run:  cachelab run --no-store $*"
if [ "${PROFILER:-perf}" = callgrind ]; then
  # Instructions executed, not time: independent of the machine's load, blind to cache misses.
  command -v valgrind >/dev/null || { echo "profile.sh: valgrind not found" >&2; exit 2; }
  valgrind --tool=callgrind --callgrind-out-file="$TMP/cg.out" "$BIN" run --json --no-store "$@" \
    >"$TMP/run.json" 2>"$TMP/cg.err" || { cat "$TMP/cg.err" >&2; exit 1; }
  callgrind_annotate --threshold=100 "$TMP/cg.out" 2>/dev/null | grep -E '^ *[0-9,]+ \( *[0-9.]+%\) ' |
    grep -v 'PROGRAM TOTALS' | sed -E 's/^ *[0-9,]+ \( *([0-9.]+)%\) +[^:]*:/\1\t/; s/ \[[^]]*\]$//' >"$TMP/symbols.tsv"
  echo "(callgrind: shares of instructions executed)"
else
  perf record -F 2000 -o "$TMP/perf.data" -- "$BIN" run --json --no-store "$@" >"$TMP/run.json" 2>"$TMP/perf.err" ||
    { cat "$TMP/perf.err" >&2; exit 1; }
  perf report -i "$TMP/perf.data" --no-children --sort symbol --stdio 2>/dev/null |
    grep -E '^ +[0-9.]+%' | sed -E 's/^ +([0-9.]+)% +\[[^]]*\] +/\1\t/' >"$TMP/symbols.tsv"
  echo "(perf: shares of CPU samples, self time)"
fi
sed -n 's/^ *"sim_requests_per_sec": *\([0-9.]*\).*/sim_requests_per_sec: \1/p' "$TMP/run.json"

awk -F'\t' -v top="${TOP:-0}" '
function component(s,   o) {
  o = s
  if (match(s, /OpsFor<cachelab::/)) o = substr(s, RSTART + 7)   # a callback: its owner
  if (match(o, /^cachelab::KeyRows<cachelab::/)) o = substr(o, RSTART + 18)  # per-key rows: their owner
  if (o ~ /^cachelab::CacheKey|__to_chars/) return "key strings (CacheKey k:<id>)"
  if (o ~ /^cachelab::(Simulator|EventQueue)|InplaceFunction/) return "kernel (event queue, callbacks)"
  if (o ~ /^cachelab::(RedisStore|SimRedis|KeyIndex|RedisReply|HashBytes|ExpiryCalendar|Cluster|SimPubSub)|redis_memory|Redis/) return "simulated Redis"
  if (o ~ /^cachelab::SimDatabase/) return "database model"
  if (o ~ /^cachelab::(ReadPath|CacheAside|WriteThrough|WriteBehind|RefreshAhead|ReadThrough|EpisodeTracker|Invalidation|SchemeBase|Ttl|StampedeGuard|[A-Za-z]*Guard|VersionOf|FillValue|EncodeCached|DecodeCached|Strategy)/) return "strategy"
  if (o ~ /^cachelab::(SyntheticWorkload|ZipfSampler|Workload|Distribution)|__ieee754_(log|pow|exp)|__log|__pow|__exp/) return "workload, distributions"
  if (o ~ /^cachelab::(Metrics|Histogram|Series)/) return "metrics"
  if (o ~ /^cachelab::(\(anonymous namespace\)::Experiment|CommitHistory|Harness)/) return "runner (harness, staleness)"
  if (o ~ /^(malloc|free|_int_|operator new|operator delete|cfree|__libc_)/) return "allocator"
  if (o ~ /^(__mem|__str|std::)/) return "libc/libstdc++ (copies, strings)"
  return "other"
}
{ c = component($2); pct[c] += $1; if (c == "other" && ENVIRON["SHOW_OTHER"] != "") print $0 > "/dev/stderr"; total += $1; if (NR <= top) hot[NR] = sprintf("%6.2f%%  %s", $1, substr($2, 1, 110)) }
END {
  for (c in pct) printf "%7.1f%%  %s\n", pct[c], c > "/dev/stderr"
  printf "%7.1f%%  (all sampled)\n", total
  if (top > 0) { printf "\nhottest functions:\n"; for (i = 1; i <= top && i in hot; i++) print hot[i] }
}' "$TMP/symbols.tsv" 2>"$TMP/components.txt" >"$TMP/tail.txt"
printf "\n  share  component (self time)\n"
sort -rn "$TMP/components.txt"
cat "$TMP/tail.txt"
