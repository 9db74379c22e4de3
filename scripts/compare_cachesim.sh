#!/usr/bin/env bash
# Compares `cachelab replay` with libCacheSim's cachesim on any trace both read:
# one row per (policy, cache size) with both miss counts (and miss bytes in byte
# mode) and "same" or "DIFF". Used for the checks on traces the test tables do
# not hold (docs/REPLAY.md, "Checked against cachesim beyond the tables").
#
#   scripts/compare_cachesim.sh NAME TRACE "CACHESIM_TYPE [OPTIONS]" MODE SIZES POLICIES
#
# NAME labels the rows; TRACE is given to cachesim, and to cachelab unless
# $CACHELAB_TRACE names another file (e.g. the original of a decoded trace);
# $CACHELAB_ARGS adds replay flags (e.g. "--format cache2k"). MODE is obj or byte,
# SIZES cachesim's list (fractions or bytes), POLICIES pairs cachelab:cachesim
# ("lru:lru lruk:lru-k"). $CACHESIM is a counting cachesim
# (BUILD_ONLY=PATH scripts/refresh_libcachesim_expectations.sh SRC builds one),
# $CACHELAB the cachelab binary (default build/cli/cachelab), $TIMEOUT the
# seconds cachesim may take per policy (default 300; its LFUDA can hang or crash:
# such a run prints a row with an empty cachesim side).
# Columns: name mode policy cachesim_size cachelab_size cachesim_requests
# cachelab_requests cachesim_misses cachelab_misses cachesim_miss_bytes
# cachelab_miss_bytes verdict.
set -uo pipefail
name=${1:?usage: $0 NAME TRACE TYPE MODE SIZES POLICIES} path=$2 type=$3 mode=$4 sizes=$5 policies=$6
here=$(cd "$(dirname "$0")/.." && pwd)
cachesim=${CACHESIM:?set CACHESIM to a counting cachesim}
cachelab=${CACHELAB:-$here/build/cli/cachelab}
path=$(realpath "$path")
read -r -a type_args <<<"$type"
read -r -a lab_args <<<"${CACHELAB_ARGS:-}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for pair in $policies; do
  ours=${pair%%:*} theirs=${pair#*:}
  if [ "$mode" = obj ]; then cs_obj=(--ignore-obj-size 1) cl_obj=(--ignore-obj-size); else cs_obj=() cl_obj=(); fi
  # cachesim writes result files into its working directory: run it in the temporary one.
  (cd "$work" && timeout "${TIMEOUT:-300}" "$cachesim" "$path" "${type_args[0]}" "$theirs" "$sizes" "${type_args[@]:1}" \
    "${cs_obj[@]}" --num-thread 2 2>/dev/null) | awk -v lead=- -f "$here/scripts/cachesim_counts.awk" | cut -f2-5 > "$work/theirs"
  "$cachelab" replay --trace "${CACHELAB_TRACE:-$path}" "${lab_args[@]}" --policy "$ours" --size "$sizes" "${cl_obj[@]}" \
    --json --no-store --jobs 2 2>"$work/err" |
    python3 -c 'import json,sys; [print(r["cache_size"],r["requests"],r["misses"],r["miss_bytes"],sep="\t") for r in json.load(sys.stdin)]' 2>/dev/null \
      > "$work/ours" || { echo "$name $mode $ours: cachelab failed" >&2; cat "$work/err" >&2; }
  # cachesim prints nothing when it does not finish: keep cachelab's rows, the other side empty.
  [ -s "$work/theirs" ] || awk -v OFS='\t' '{ print "", "", "", "" }' "$work/ours" > "$work/theirs"
  paste "$work/theirs" "$work/ours" | awk -F'\t' -v OFS='\t' -v n="$name" -v m="$mode" -v p="$ours" '{
    same = $1 == $5 && $2 == $6 && $3 == $7 && (m == "obj" || $4 == $8)
    print n, m, p, $1, $5, $2, $6, $3, $7, (m == "obj" ? "-" : $4), (m == "obj" ? "-" : $8), (same ? "same" : "DIFF") }'
done
