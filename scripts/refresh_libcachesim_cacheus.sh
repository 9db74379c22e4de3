#!/usr/bin/env bash
# Regenerates tests/data/libcachesim_cacheus.tsv: exact miss counts of
# libCacheSim's Cacheus from a cachesim that can be steered, for
# tests/eviction_cacheus_test.cc. cachesim has no parameters for Cacheus and
# seeds its generator from the clock, so this builds a counting cachesim
# (scripts/refresh_libcachesim_expectations.sh, BUILD_ONLY) from a copy of the
# tree with two one-line patches (sed; nothing else changes):
# - Cacheus.c starts w_lru at $CACHEUS_W (default 0.5 as before), w_lfu at
#   1 - w_lru. At 1 or 0, fixed points of its update (w e^-lr / (w e^-lr + 0) =
#   1; 0 e^-lr = 0), and with the draw r = (rand % 100) / 100 always < 1, never
#   < 0, no seed or learning rate can change a count: rows `lru-weight=1`/`0`,
#   run at several sizes at once.
# - bin/cachesim/sim.c (one cache size) seeds with $CACHESIM_SEED instead of
#   rand() after srand(time(NULL)): rows `libcachesim-draws=1,seed=S`, where
#   cachelab draws from the same generator (Knuth's MMIX LCG) the same way, so
#   the whole randomized policy (votes, regret, learning rate) must agree.
#
#   scripts/refresh_libcachesim_cacheus.sh LIBCACHESIM_SRC [TRACES_DIR] [OUT]
#
# Needs what refresh_libcachesim_expectations.sh needs.
set -euo pipefail

src=${1:?usage: $0 LIBCACHESIM_SRC [TRACES_DIR] [OUT]}
traces=${2:-/work/shared/traces}
here=$(cd "$(dirname "$0")/.." && pwd)
out=${3:-$here/tests/data/libcachesim_cacheus.tsv}
src=$(cd "$src" && pwd)
commit=$(git -C "$src" rev-parse HEAD 2>/dev/null || echo "${LIBCACHESIM_COMMIT:-}")
[ -n "$commit" ] || { echo "error: $src is not a git checkout; set LIBCACHESIM_COMMIT" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
xz -dc "$traces/web07.trace.xz" | od -An -v -t u4 --endian=big -w4 | tr -d ' ' > "$work/web07.txt"
cp -r "$src" "$work/src" && rm -rf "$work/src/_build"
c="$work/src/libCacheSim/cache/eviction/Cacheus.c"
sed -i 's|params->w_lru = params->w_lfu = 0.50;|params->w_lru = getenv("CACHEUS_W") ? atof(getenv("CACHEUS_W")) : 0.5; params->w_lfu = 1 - params->w_lru;|' "$c"
grep -q 'getenv("CACHEUS_W")' "$c" || { echo "error: could not patch $c" >&2; exit 1; }
sim="$work/src/libCacheSim/bin/cachesim/sim.c"
sed -i 's|  set_rand_seed(rand());|  set_rand_seed(getenv("CACHESIM_SEED") ? strtoull(getenv("CACHESIM_SEED"), NULL, 10) : (uint64_t)rand());|' "$sim"
grep -q 'getenv("CACHESIM_SEED")' "$sim" || { echo "error: could not patch $sim" >&2; exit 1; }
BUILD_ONLY="$work/cachesim" LIBCACHESIM_COMMIT=$commit "$here/scripts/refresh_libcachesim_expectations.sh" "$work/src" "$traces"

# test-data name | path given to cachesim | trace type | mode | sizes at once (fixed weights) | sizes one by one (seeded)
inputs=(
  "cloudPhysicsIO.oracleGeneral.bin|$traces/cloudPhysicsIO.oracleGeneral.bin|oracleGeneral|obj|0.001,0.01,0.03,0.1,0.3|0.001 0.3"
  "cloudPhysicsIO.oracleGeneral.bin|$traces/cloudPhysicsIO.oracleGeneral.bin|oracleGeneral|byte|0.001,0.01,0.03,0.1,0.3,134217728,268435456,1073741824|0.001 0.01 0.1 0.3"
  "web07.trace.xz|$work/web07.txt|txt|obj|0.001,0.01,0.03,0.1,0.3|0.001 0.01 0.1"
)
seeds=${SEEDS:-"1 2 3"}
{
  echo "# Exact miss counts of libCacheSim's Cacheus (github.com/1a1a11a/libCacheSim, commit $commit) from a"
  echo "# counting cachesim patched to start at a given LRU weight and to take its seed from the environment"
  echo "# (see the script); produced by scripts/refresh_libcachesim_cacheus.sh on $(date -u +%F)."
  echo "# Policy column: ours, with the parameters that make the same choices."
  echo "# columns: trace mode policy cache_size requests misses miss_bytes requested_bytes"
} > "$work/out.tsv"
cd "$work"
run() {  # lead-policy env... -- cachesim args...
  local policy=$1; shift
  "$@" 2>/dev/null | awk -v lead="$name	$mode	$policy" -f "$here/scripts/cachesim_counts.awk" >> "$work/out.tsv"
}
for input in "${inputs[@]}"; do
  IFS='|' read -r name path type mode sizes one_by_one <<<"$input"
  if [ "$mode" = obj ]; then extra=(--ignore-obj-size 1); else extra=(); fi
  for w in 1 0; do
    echo "# cmd: CACHEUS_W=$w cachesim $(basename "$path") $type cacheus $sizes ${extra[*]}" >> "$work/out.tsv"
    run "cacheus:lru-weight=$w" env CACHEUS_W=$w "$work/cachesim" "$path" "$type" cacheus "$sizes" "${extra[@]}"
  done
  for size in $one_by_one; do
    for seed in $seeds; do
      echo "# cmd: CACHESIM_SEED=$seed cachesim $(basename "$path") $type cacheus $size ${extra[*]}" >> "$work/out.tsv"
      run "cacheus:libcachesim-draws=1,seed=$seed" env CACHESIM_SEED=$seed "$work/cachesim" "$path" "$type" cacheus "$size" "${extra[@]}"
    done
  done
done
mv "$work/out.tsv" "$out"
echo "wrote $(grep -vc '^#' "$out") rows to $out" >&2
