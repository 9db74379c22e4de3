#!/usr/bin/env bash
# Whole-process time and peak memory of `cachelab replay` beside libCacheSim's
# `cachesim`, on the same trace, policy and size, interleaved (cachelab, then
# cachesim, per repetition), several repetitions; prints each run and the
# medians' ratio. Machine load (uptime) is printed before and after.
#
#   bench/replay_vs_libcachesim.sh CACHESIM [REPS] [N]
#
# CACHESIM: a built libCacheSim cachesim (unmodified; e.g. commit aa0fc409).
# Traces: tests/data/cloudPhysicsIO.oracleGeneral.bin, and a generated Zipf
# oracleGeneral trace of N requests (default 2x10^7; build/bench/make_zipf_trace,
# 10^6 objects, alpha 0.99) in $TMPDIR, removed at the end.
# $POLICIES overrides the policy list (default: lru fifo clock sieve lfu arc s3fifo).
# Both tools run one (policy, size) per process, single-threaded
# (cachelab --jobs 1; cachesim with one cache does not start workers).
set -euo pipefail

cachesim=${1:?usage: $0 CACHESIM [REPS] [N]}
reps=${2:-3}
n=${3:-20000000}
here=$(cd "$(dirname "$0")/.." && pwd)
cachelab="$here/build/cli/cachelab"
gen="$here/build/bench/make_zipf_trace"
for b in "$cachelab" "$gen" "$cachesim"; do [ -x "$b" ] || { echo "error: $b not built" >&2; exit 2; }; done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
zipf="$work/zipf.oracleGeneral.bin"
"$gen" "$zipf" "$n" 1000000 0.99 1

# /usr/bin/time: elapsed seconds and peak RSS in KiB of the whole process.
measure() {  # command...
  /usr/bin/time -o "$work/time" -f '%e %M' "$@" >/dev/null 2>&1 || { echo "error: $* failed" >&2; exit 1; }
  cat "$work/time"
}

echo "load before: $(uptime)"
echo "trace policy size tool rep wall_s peak_rss_mb"
results="$work/results"
: > "$results"
for trace in "$here/tests/data/cloudPhysicsIO.oracleGeneral.bin" "$zipf"; do
  # 10% of the working set, in bytes: cachelab's --size 0.1 and cachesim's 0.1 agree exactly.
  for policy in ${POLICIES:-lru fifo clock sieve lfu arc s3fifo}; do
    for rep in $(seq 1 "$reps"); do
      for tool in cachelab cachesim; do
        if [ $tool = cachelab ]; then
          cmd=("$cachelab" replay --trace "$trace" --policy "$policy" --size 0.1 --jobs 1 --no-store)
        else
          cmd=(bash -c "cd '$work' && exec '$cachesim' '$trace' oracleGeneral $policy 0.1")
        fi
        read -r wall rss < <(measure "${cmd[@]}")
        line="$(basename "$trace") $policy 0.1 $tool $rep $wall $(awk -v k="$rss" 'BEGIN{printf "%.1f", k/1024}')"
        echo "$line" | tee -a "$results"
      done
    done
  done
done
echo "load after: $(uptime)"
echo
echo "medians: trace policy cachelab_s cachesim_s speedup cachelab_mb cachesim_mb"
awk '
  { key = $1 " " $2; t[key, $4, ++c[key, $4]] = $6; m[key, $4, c[key, $4]] = $7; keys[key] = 1 }
  function median(arr, key, tool, n,   i, j, v, tmp) {
    for (i = 1; i <= n; i++) v[i] = arr[key, tool, i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { tmp = v[i]; v[i] = v[j]; v[j] = tmp }
    return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  END {
    for (k in keys) {
      a = median(t, k, "cachelab", c[k, "cachelab"]); b = median(t, k, "cachesim", c[k, "cachesim"])
      ma = median(m, k, "cachelab", c[k, "cachelab"]); mb = median(m, k, "cachesim", c[k, "cachesim"])
      printf "%s %.2f %.2f %.2fx %.1f %.1f\n", k, a, b, (a > 0 ? b / a : 0), ma, mb
    }
  }' "$results" | sort
