#!/usr/bin/env bash
# Whole-process time and peak memory of `cachelab replay` beside libCacheSim's
# `cachesim`, on the same trace, policy, size and mode, interleaved (cachelab,
# then cachesim, per repetition), several repetitions; prints each run and,
# per case, the medians and their ratios (cachesim / cachelab: above 1 means
# cachelab is faster). Machine load (uptime) is printed before and after.
#
#   bench/replay_vs_libcachesim.sh CACHESIM [REPS] [N]
#
# CACHESIM: a built libCacheSim cachesim (unmodified; e.g. commit aa0fc409).
# Traces: /work/shared/traces' cloudPhysicsIO (or tests/data's) as
# oracleGeneral (byte and object mode) and txt (one id per line: object mode),
# and a generated Zipf oracleGeneral trace of N requests (default 10^7;
# build/bench/make_zipf_trace, 10^6 objects, alpha 0.99) in $TMPDIR, removed
# at the end, in byte and object mode; zipfh-*: the same requests with hashed
# 64-bit ids (numbered through replay's hash map, not its array by id).
# $POLICIES overrides the policy list (default: lru fifo clock sieve lfu arc s3fifo),
# $SIZES the sizes (default: 0.01 0.1, fractions of the working set, which
# cachelab's --size and cachesim read alike: trunc(f x wss)), $CASES the
# trace/mode cases (default: cloud-bytes cloud-objects cloud-txt zipf-bytes zipf-objects zipfh-bytes
# zipfh-objects).
# wall_s: elapsed; cpu_s: user + system of the whole process (what a loaded
# machine distorts least). Both tools run one (policy, size) per process,
# single-threaded (cachelab --jobs 1, which still decodes one chunk ahead on
# a helper thread; cachesim with one cache does not start workers).
set -euo pipefail

cachesim=${1:?usage: $0 CACHESIM [REPS] [N]}
reps=${2:-3}
n=${3:-10000000}
here=$(cd "$(dirname "$0")/.." && pwd)
cachelab="$here/build/cli/cachelab"
gen="$here/build/bench/make_zipf_trace"
for b in "$cachelab" "$gen" "$cachesim"; do [ -x "$b" ] || { echo "error: $b not built" >&2; exit 2; }; done
traces=/work/shared/traces
[ -f "$traces/cloudPhysicsIO.txt" ] || traces="$here/tests/data"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
zipf="$work/zipf.oracleGeneral.bin"
zipfh="$work/zipf-hashed.oracleGeneral.bin"
case " ${CASES:-zipf-} " in *zipf-*) "$gen" "$zipf" "$n" 1000000 0.99 1 ;; esac
case " ${CASES:-zipfh-} " in *zipfh-*) "$gen" "$zipfh" "$n" 1000000 0.99 1 hashed ;; esac

# /usr/bin/time: elapsed s, user s, system s, peak RSS KiB of the whole process.
measure() {  # command...
  /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$@" >/dev/null 2>&1 || { echo "error: $* failed" >&2; exit 1; }
  awk '{ printf "%s %.2f %.1f\n", $1, $2 + $3, $4 / 1024 }' "$work/time"
}

echo "load before: $(uptime)"
echo "case mode size policy tool rep wall_s cpu_s peak_rss_mb"
results="$work/results"
: > "$results"
for c in ${CASES:-cloud-bytes cloud-objects cloud-txt zipf-bytes zipf-objects zipfh-bytes zipfh-objects}; do
  case $c in
    cloud-bytes) trace=$traces/cloudPhysicsIO.oracleGeneral.bin type=oracleGeneral mode=bytes ;;
    cloud-objects) trace=$traces/cloudPhysicsIO.oracleGeneral.bin type=oracleGeneral mode=objects ;;
    cloud-txt) trace=$traces/cloudPhysicsIO.txt type=txt mode=objects ;;
    zipf-bytes) trace=$zipf type=oracleGeneral mode=bytes ;;
    zipf-objects) trace=$zipf type=oracleGeneral mode=objects ;;
    zipfh-bytes) trace=$zipfh type=oracleGeneral mode=bytes ;;
    zipfh-objects) trace=$zipfh type=oracleGeneral mode=objects ;;
    *) echo "error: unknown case $c" >&2; exit 2 ;;
  esac
  ours=() theirs=()
  if [ $mode = objects ] && [ $type != txt ]; then ours=(--ignore-obj-size) theirs=(--ignore-obj-size 1); fi
  for size in ${SIZES:-0.01 0.1}; do
    for policy in ${POLICIES:-lru fifo clock sieve lfu arc s3fifo}; do
      for rep in $(seq 1 "$reps"); do
        for tool in cachelab cachesim; do
          if [ $tool = cachelab ]; then
            cmd=("$cachelab" replay --trace "$trace" --format $type --policy "$policy" --size "$size" --jobs 1
                 --no-store "${ours[@]}")
          else  # cachesim writes a result file into the working directory
            cmd=(bash -c "cd '$work' && exec '$cachesim' '$trace' $type $policy $size ${theirs[*]}")
          fi
          read -r wall cpu rss < <(measure "${cmd[@]}")
          echo "$c $mode $size $policy $tool $rep $wall $cpu $rss" | tee -a "$results"
        done
      done
    done
  done
done
echo "load after: $(uptime)"
echo
echo "medians: case mode size policy | cachelab wall_s cpu_s MB | cachesim wall_s cpu_s MB | speedup wall cpu"
awk '
  { key = $1 " " $2 " " $3 " " $4; k = ++c[key, $5]
    w[key, $5, k] = $7; u[key, $5, k] = $8; m[key, $5, k] = $9; keys[key] = 1 }
  function median(arr, key, tool, n,   i, j, v, tmp) {
    for (i = 1; i <= n; i++) v[i] = arr[key, tool, i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { tmp = v[i]; v[i] = v[j]; v[j] = tmp }
    return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  END {
    for (k in keys) {
      na = c[k, "cachelab"]; nb = c[k, "cachesim"]
      wa = median(w, k, "cachelab", na); wb = median(w, k, "cachesim", nb)
      ua = median(u, k, "cachelab", na); ub = median(u, k, "cachesim", nb)
      # A tiny trace can take under the 10 ms that time(1) resolves: no ratio then ("-").
      printf "%s | %.2f %.2f %.1f | %.2f %.2f %.1f | %s %s\n", k, wa, ua, median(m, k, "cachelab", na),
             wb, ub, median(m, k, "cachesim", nb), (wa > 0 ? sprintf("%.2fx", wb / wa) : "-"),
             (ua > 0 ? sprintf("%.2fx", ub / ua) : "-")
    }
  }' "$results" | sort
