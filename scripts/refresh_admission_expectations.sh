#!/usr/bin/env bash
# Regenerates tests/data/libcachesim_admission.tsv: libCacheSim cachesim's
# counts with its admission filters (-a), for the admission test.
#
#   CACHESIM_COUNTING=/path/to/cachesim scripts/refresh_admission_expectations.sh [TRACES_DIR] [OUT]
#
# CACHESIM_COUNTING is a cachesim whose multi-size result line also prints its
# counts (n_miss, n_miss_byte, n_req_byte, cache_size_bytes): the counting copy
# scripts/refresh_libcachesim_expectations.sh builds (the committed table comes
# from libCacheSim commit aa0fc40914b2b786f4b9f4dafb099f8f332b216a).
#  - size and bloom-filter are deterministic: exact rows ("exact").
#  - prob draws from a generator cachesim seeds with time(NULL) in its
#    single-size path, so every run differs: REPS single-size runs, one second
#    apart, each giving the 4-decimal miss ratio it prints ("prob" rows).
# Only policies whose can_insert consults the admissioner are listed: cachesim's
# S3FIFO (and QDLP) replace can_insert and ignore -a.
set -euo pipefail

cachesim=${CACHESIM_COUNTING:?set CACHESIM_COUNTING to a counting cachesim (see the header)}
traces=${1:-/work/shared/traces}
here=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-$here/tests/data/libcachesim_admission.tsv}
reps=${REPS:-6}
trace=cloudPhysicsIO.oracleGeneral.bin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

{
  echo "# libCacheSim cachesim (commit aa0fc40914b2b786f4b9f4dafb099f8f332b216a) with admission filters on"
  echo "# $trace, produced by scripts/refresh_admission_expectations.sh on $(date -u +%F)."
  echo "# Each '# cmd:' line is the cachesim command behind the rows after it."
  echo "# exact rows: kind trace mode policy admission cache_size requests misses miss_bytes requested_bytes"
  echo "# prob rows:  kind trace mode policy admission cache_size requests miss_ratio (one per run; 4 decimals)"
} > out.tsv

counts() {  # kind mode policy admission: the counting result lines as rows
  awk -v lead="$1	$trace	$2	$3	$4" -f "$here/scripts/cachesim_counts.awk"
}

# cachelab spec | cachesim options
filters=("size:size=8192|-a size --admission-params size=8192"
         "size:size=65536|-a size --admission-params size=65536"
         "bloom:fp=0|-a bloom-filter")
for policy in lru fifo clock sieve lfu arc; do
  for f in "${filters[@]}"; do
    ours=${f%%|*}
    read -r -a theirs <<<"${f#*|}"
    for mode in byte obj; do
      [ "$mode" = obj ] && [ "${ours%%:*}" = size ] && continue  # every object is size 1
      if [ "$mode" = obj ]; then sizes=0.01,0.1 extra=(--ignore-obj-size 1); else sizes=0.01,0.1,134217728 extra=(); fi
      cmd=("$cachesim" "$traces/$trace" oracleGeneral "$policy" "$sizes" "${theirs[@]}" "${extra[@]}")
      echo "# cmd: cachesim $trace ${cmd[*]:2}" >> out.tsv
      "${cmd[@]}" 2>/dev/null | counts exact "$mode" "$policy" "$ours" >> out.tsv
    done
  done
done

for size in 20297697 202976972; do
  cmd=("$cachesim" "$traces/$trace" oracleGeneral lru "$size" -a prob --admission-params prob=0.5)
  echo "# cmd: cachesim $trace ${cmd[*]:2}   ($reps runs, one second apart)" >> out.tsv
  for ((r = 0; r < reps; r++)); do
    "${cmd[@]}" 2>/dev/null | awk -v t="$trace" -v s="$size" '
      / miss ratio / {
        for (i = 1; i <= NF; i++) { if ($i == "req,") req = $(i - 1); if ($i == "ratio") mr = $(i + 1) }
        gsub(",", "", req); gsub(",", "", mr)
        print "prob", t, "byte", "lru", "prob:p=0.5", s, req, mr
      }' OFS='\t' >> out.tsv
    sleep 1.1
  done
done
mv out.tsv "$out"
echo "wrote $(grep -vc '^#' "$out") rows to $out" >&2
