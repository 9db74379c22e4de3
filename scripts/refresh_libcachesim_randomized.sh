#!/usr/bin/env bash
# Regenerates tests/data/libcachesim_randomized.tsv: miss counts from
# libCacheSim's `cachesim` for the policies it runs with random sampling
# (Hyperbolic, LeCaR, Cacheus, LHD), default parameters. With one cache size,
# cachesim simulates in its main thread, seeded by srand(time(NULL)); so each
# size is run $RUNS (5) times a second apart, and every run is one row: a
# sample of cachesim's own spread. (With several sizes it simulates in worker
# threads whose LCG starts at 0 every time: one fixed draw, not used here.)
# tests/eviction_randomized_reference_test.cc compares our spread over seeds
# with these rows.
# Cacheus also gets odd object counts (web07 at 205 and 2,049; cloudPhysicsIO's
# 489 and 4,897 are odd already): there SR-LRU's two halves (floor(size/2)
# each) never fill the cache, cachesim's random vote never runs, and every run
# gives the same count, which tests/eviction_cacheus_test.cc checks exactly.
# $POLICIES (e.g. "cacheus:cacheus") limits the run to some policies and
# $APPEND=1 appends their rows to OUT instead of rewriting it (no header).
#
#   scripts/refresh_libcachesim_randomized.sh LIBCACHESIM_SRC [TRACES_DIR] [OUT]
#
# Builds a counting cachesim with refresh_libcachesim_expectations.sh (or
# reuses $CACHESIM_COUNTING). Needs what that script needs.
set -euo pipefail

src=${1:?usage: $0 LIBCACHESIM_SRC [TRACES_DIR] [OUT]}
traces=${2:-/work/shared/traces}
here=$(cd "$(dirname "$0")/.." && pwd)
out=${3:-$here/tests/data/libcachesim_randomized.tsv}
src=$(cd "$src" && pwd)
commit=$(git -C "$src" rev-parse HEAD 2>/dev/null || echo "${LIBCACHESIM_COMMIT:-}")
[ -n "$commit" ] || { echo "error: $src is not a git checkout; set LIBCACHESIM_COMMIT" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cachesim=${CACHESIM_COUNTING:-}
if [ -z "$cachesim" ]; then
  BUILD_ONLY="$work/cachesim" LIBCACHESIM_COMMIT=$commit "$here/scripts/refresh_libcachesim_expectations.sh" "$src" "$traces"
  cachesim="$work/cachesim"
fi
xz -dc "$traces/web07.trace.xz" | od -An -v -t u4 --endian=big -w4 | tr -d ' ' > "$work/web07.txt"

# test-data name | path given to cachesim | trace type | mode | sizes (one run each) | Cacheus's extra odd sizes
inputs=(
  "cloudPhysicsIO.oracleGeneral.bin|$traces/cloudPhysicsIO.oracleGeneral.bin|oracleGeneral|obj|0.01 0.1|"
  "cloudPhysicsIO.oracleGeneral.bin|$traces/cloudPhysicsIO.oracleGeneral.bin|oracleGeneral|byte|0.01 0.1|"
  "web07.trace.xz|$work/web07.txt|txt|obj|0.01 0.1|205 2049"
)
# cachelab name:cachesim name
policies=${POLICIES:-"hyperbolic:hyperbolic lecar:lecar lhd:lhd cacheus:cacheus"}
runs=${RUNS:-5}

if [ -n "${APPEND:-}" ]; then cp "$out" "$work/out.tsv"; else {
  echo "# Miss counts of libCacheSim's randomized policies from cachesim (github.com/1a1a11a/libCacheSim, commit $commit),"
  echo "# default parameters, one size per run, seeded by the clock (srand(time(NULL))): each row is one draw,"
  echo "# not an exact target. Produced by scripts/refresh_libcachesim_randomized.sh on $(date -u +%F)."
  echo "# columns: trace mode policy cache_size requests misses miss_bytes requested_bytes"
} > "$work/out.tsv"; fi
cd "$work"  # cachesim appends its result files to the current directory
for input in "${inputs[@]}"; do
  IFS='|' read -r name path type mode sizes odd_sizes <<<"$input"
  for pair in $policies; do
    ours=${pair%%:*} theirs=${pair#*:}
    all_sizes=$sizes
    [ "$ours" = cacheus ] && all_sizes="$sizes $odd_sizes"
    [ "$ours" = cacheus ] && [ "$mode" = obj ] &&
      echo "# cacheus, object mode: at odd sizes no random vote runs (see scripts/refresh_libcachesim_randomized.sh), so those rows are exact" >> "$work/out.tsv"
    for size in $all_sizes; do
      if [ "$mode" = obj ]; then extra=(--ignore-obj-size 1); else extra=(); fi
      echo "# cmd ($runs runs, 1 s apart): cachesim $(basename "$path") $type $theirs $size ${extra[*]}" >> "$work/out.tsv"
      for ((run = 0; run < runs; run++)); do
        [ "$run" -gt 0 ] && sleep 1
        "$cachesim" "$path" "$type" "$theirs" "$size" "${extra[@]}" 2>/dev/null |
          awk -v lead="$name	$mode	$ours" -f "$here/scripts/cachesim_counts.awk" >> "$work/out.tsv"
      done
    done
  done
done
mv "$work/out.tsv" "$out"
echo "wrote $(grep -vc '^#' "$out") rows to $out" >&2
