#!/usr/bin/env bash
# Regenerates tests/data/libcachesim_cacheus_fixed.tsv: exact miss counts of
# libCacheSim's Cacheus with its LRU weight held at 1 (every vote takes
# SR-LRU's candidate) or at 0 (every vote takes CR-LFU's). cachesim has no
# parameter for the weight, so for each W this builds a counting cachesim
# (scripts/refresh_libcachesim_expectations.sh, BUILD_ONLY) from a copy of the
# tree whose Cacheus.c starts with w_lru = W, w_lfu = 1 - W instead of 0.5 each
# (one line, sed; nothing else changes). 1 and 0 are fixed points of its weight
# update (w x e^-lr / (w x e^-lr + 0) = 1; 0 x e^-lr = 0), and the draw
# r = (rand % 100) / 100 is always < 1 and never < 0, so neither the clock seed
# nor the learning rate can change a count: these are exact targets for
# `--policy-params cacheus:lru-weight=W`, in object and byte mode.
#
#   scripts/refresh_libcachesim_cacheus_fixed.sh LIBCACHESIM_SRC [TRACES_DIR] [OUT]
#
# Needs what refresh_libcachesim_expectations.sh needs.
set -euo pipefail

src=${1:?usage: $0 LIBCACHESIM_SRC [TRACES_DIR] [OUT]}
traces=${2:-/work/shared/traces}
here=$(cd "$(dirname "$0")/.." && pwd)
out=${3:-$here/tests/data/libcachesim_cacheus_fixed.tsv}
src=$(cd "$src" && pwd)
commit=$(git -C "$src" rev-parse HEAD 2>/dev/null || echo "${LIBCACHESIM_COMMIT:-}")
[ -n "$commit" ] || { echo "error: $src is not a git checkout; set LIBCACHESIM_COMMIT" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
xz -dc "$traces/web07.trace.xz" | od -An -v -t u4 --endian=big -w4 | tr -d ' ' > "$work/web07.txt"
for w in 1 0; do
  rm -rf "$work/src" && cp -r "$src" "$work/src" && rm -rf "$work/src/_build"
  c="$work/src/libCacheSim/cache/eviction/Cacheus.c"
  sed -i "s|params->w_lru = params->w_lfu = 0.50;|params->w_lru = $w; params->w_lfu = 1 - $w;|" "$c"
  grep -q "params->w_lru = $w; params->w_lfu = 1 - $w;" "$c" || { echo "error: could not patch $c" >&2; exit 1; }
  BUILD_ONLY="$work/cachesim-w$w" LIBCACHESIM_COMMIT=$commit "$here/scripts/refresh_libcachesim_expectations.sh" "$work/src" "$traces"
done

# test-data name | path given to cachesim | trace type | modes
inputs=(
  "cloudPhysicsIO.oracleGeneral.bin|$traces/cloudPhysicsIO.oracleGeneral.bin|oracleGeneral|obj byte"
  "web07.trace.xz|$work/web07.txt|txt|obj"
)
obj_sizes="0.001,0.01,0.03,0.1,0.3"
byte_sizes="0.001,0.01,0.03,0.1,0.3,134217728,268435456,1073741824"
{
  echo "# Exact miss counts of libCacheSim's Cacheus (github.com/1a1a11a/libCacheSim, commit $commit) with its"
  echo "# LRU weight held at 1 or 0 (Cacheus.c patched to start there: see the script), from a counting cachesim;"
  echo "# produced by scripts/refresh_libcachesim_cacheus_fixed.sh on $(date -u +%F). Policy column: ours, with"
  echo "# the parameters that select the same weight."
  echo "# columns: trace mode policy cache_size requests misses miss_bytes requested_bytes"
} > "$work/out.tsv"
cd "$work"
for input in "${inputs[@]}"; do
  IFS='|' read -r name path type modes <<<"$input"
  for mode in $modes; do
    for w in 1 0; do
      if [ "$mode" = obj ]; then sizes=$obj_sizes extra=(--ignore-obj-size 1); else sizes=$byte_sizes extra=(); fi
      echo "# cmd: cachesim(w_lru=$w) $(basename "$path") $type cacheus $sizes ${extra[*]}" >> "$work/out.tsv"
      "$work/cachesim-w$w" "$path" "$type" cacheus "$sizes" "${extra[@]}" 2>/dev/null |
        awk -v lead="$name	$mode	cacheus:lru-weight=$w" -f "$here/scripts/cachesim_counts.awk" >> "$work/out.tsv"
    done
  done
done
mv "$work/out.tsv" "$out"
echo "wrote $(grep -vc '^#' "$out") rows to $out" >&2
