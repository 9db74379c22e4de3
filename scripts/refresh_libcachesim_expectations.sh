#!/usr/bin/env bash
# Regenerates tests/data/libcachesim_expectations.tsv: exact miss counts from
# libCacheSim's `cachesim`, run from its command line with default policy
# parameters, for every policy cachelab shares with it.
#
#   scripts/refresh_libcachesim_expectations.sh LIBCACHESIM_SRC [TRACES_DIR] [OUT]
#
# LIBCACHESIM_SRC is a libCacheSim source tree (github.com/1a1a11a/libCacheSim;
# the committed table comes from commit aa0fc40914b2b786f4b9f4dafb099f8f332b216a).
# Its commit is taken from `git -C SRC rev-parse HEAD`, or from
# $LIBCACHESIM_COMMIT for a tree without .git. TRACES_DIR defaults to
# /work/shared/traces (see its README).
#
# cachesim prints miss ratios to 4 decimals only, so the script builds a copy
# of the tree in a temporary directory whose result line (bin/cachesim/main.c)
# also prints the counts it already has (n_miss, n_miss_byte, n_req_byte,
# cache_size). Nothing else is changed: the simulation is cachesim's own.
# Needs cmake, ninja, a C/C++ compiler, libglib2.0-dev, libzstd-dev, xz, zstd, od.
# $CACHESIM_COUNTING reuses such a patched cachesim instead of building one.
# $POLICIES (e.g. "lfuda:lfuda gdsf:gdsf") limits the run to some policies and
# $APPEND=1 appends their rows to OUT instead of rewriting it (no header).
# $LRUK_CPP: libCacheSim's cpp/LRU_K.cpp from a later commit (2dfe06b9; at
# aa0fc409 that file is empty and cachesim has no LRU-K). The build then
# compiles it in and adds one dispatch line, `lru-k`, to cachesim's
# cache_init.h, and the run includes lruk rows (their '# cmd:' lines say so).
# $TRACES (e.g. "web12.txt.zst") limits the run to those test-data traces
# (with $APPEND=1: add a trace's rows without rerunning the others).
set -euo pipefail

src=${1:?usage: $0 LIBCACHESIM_SRC [TRACES_DIR] [OUT]}
traces=${2:-/work/shared/traces}
here=$(cd "$(dirname "$0")/.." && pwd)
out=${3:-$here/tests/data/libcachesim_expectations.tsv}
src=$(cd "$src" && pwd)
commit=$(git -C "$src" rev-parse HEAD 2>/dev/null || echo "${LIBCACHESIM_COMMIT:-}")
[ -n "$commit" ] || { echo "error: $src is not a git checkout; set LIBCACHESIM_COMMIT" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${CACHESIM_COUNTING:-}" ]; then
  cachesim=$CACHESIM_COUNTING
else
echo "building a counting copy of cachesim in $work" >&2
cp -r "$src" "$work/src"
rm -rf "$work/src/_build"
main="$work/src/libCacheSim/bin/cachesim/main.c"
sed -i 's|"ratio %.4lf\\n",|"ratio %.4lf, n_miss %lld, n_miss_byte %lld, n_req_byte %lld, cache_size_bytes %lld\\n",|;
        s|(double)result\[i\].n_miss_byte / (double)result\[i\].n_req_byte);|(double)result[i].n_miss_byte / (double)result[i].n_req_byte, (long long)result[i].n_miss, (long long)result[i].n_miss_byte, (long long)result[i].n_req_byte, (long long)result[i].cache_size);|' "$main"
grep -q 'cache_size_bytes' "$main" || { echo "error: could not patch the result line of $main" >&2; exit 1; }
# The single-size path (bin/cachesim/sim.c, used by refresh_libcachesim_randomized.sh) likewise.
sim="$work/src/libCacheSim/bin/cachesim/sim.c"
sed -i 's|"%.2lf MQPS\\n",|"%.2lf MQPS, n_miss %lu, n_miss_byte %lu, n_req_byte %lu, cache_size_bytes %ld\\n",|;
        s|(double)req_cnt / 1000000.0 / runtime);|(double)req_cnt / 1000000.0 / runtime, (unsigned long)miss_cnt, (unsigned long)miss_byte, (unsigned long)req_byte, (long)cache->cache_size);|' "$sim"
[ "$(grep -c 'cache_size_bytes' "$sim")" = 2 ] || { echo "error: could not patch the result lines of $sim" >&2; exit 1; }
if [ -n "${LRUK_CPP:-}" ]; then
  cp "$LRUK_CPP" "$work/src/libCacheSim/cache/eviction/cpp/LRU_K.cpp"
  sed -i 's|        cpp/GDSF.cpp|        cpp/GDSF.cpp\n        cpp/LRU_K.cpp|' "$work/src/libCacheSim/cache/eviction/CMakeLists.txt"
  sed -i 's|  } else if (strcasecmp(eviction_algo, "lfuda") == 0) {|  } else if (strcasecmp(eviction_algo, "lru-k") == 0) {\n    extern cache_t *LRU_K_init(const common_cache_params_t, const char *);\n    cache = LRU_K_init(cc_params, eviction_params);\n  } else if (strcasecmp(eviction_algo, "lfuda") == 0) {|' \
    "$work/src/libCacheSim/bin/cachesim/cache_init.h"
  grep -q LRU_K_init "$work/src/libCacheSim/bin/cachesim/cache_init.h" || { echo "error: could not add lru-k" >&2; exit 1; }
fi
cmake -S "$work/src" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DENABLE_TESTS=OFF >/dev/null
ninja -C "$work/build" cachesim >/dev/null
cachesim="$work/build/bin/cachesim"
fi
# $BUILD_ONLY=PATH: keep the counting cachesim there and stop (refresh_libcachesim_randomized.sh uses it).
if [ -n "${BUILD_ONLY:-}" ]; then cp "$cachesim" "$BUILD_ONLY"; exit 0; fi

# cache2k traces: xz-compressed big-endian int32 keys; cachesim reads them as a
# txt trace of decimal ids (the keys read as uint32, one per line).
for t in web07 web12; do
  xz -dc "$traces/$t.trace.xz" | od -An -v -t u4 --endian=big -w4 | tr -d ' ' > "$work/$t.txt"
done
# Meta CDN head (cachelab's cdn format): cachesim reads it as csv with string
# keys (size = objectSize), without the row cachebench's rule skips (cachelab
# skips it too: an empty or '-' key, objectSize or responseSize <= 0).
zstd -dc "$here/tests/data/short_bigcache_head1000.csv.zst" |
  awk -F, 'NR == 1 || !($2 == "" || $2 == "-" || $4 <= 0 || $5 <= 0)' > "$work/short_bigcache_head1000.valid.csv"

# test-data name | path given to cachesim | cachesim trace type and options | modes
inputs=(
  "cloudPhysicsIO.oracleGeneral.bin|$traces/cloudPhysicsIO.oracleGeneral.bin|oracleGeneral|obj byte"
  "cloudPhysicsIO.vscsi.zst|$traces/cloudPhysicsIO.vscsi|vscsi|obj byte"
  "cloudPhysicsIO.csv.zst|$traces/cloudPhysicsIO.csv|csv -t time-col=2,obj-id-col=5,obj-size-col=4,delimiter=,,has-header=true|obj byte"
  "cloudPhysicsIO.txt.zst|$traces/cloudPhysicsIO.txt|txt|obj"
  "web07.trace.xz|$work/web07.txt|txt|obj"
  "web12.txt.zst|$work/web12.txt|txt|obj"
  "short_bigcache_head1000.csv.zst|$work/short_bigcache_head1000.valid.csv|csv -t time-col=1,obj-id-col=2,obj-size-col=4,delimiter=,,has-header=true,obj-id-is-num=false|obj byte"
)
# cachelab name:cachesim name
all_policies="lru:lru fifo:fifo clock:clock sieve:sieve lfu:lfu arc:arc twoq:twoq s3fifo:s3fifo belady:belady slru:slru"
all_policies+=" lfuda:lfuda gdsf:gdsf qdlp:qdlp lirs:lirs"
[ -n "${LRUK_CPP:-}" ] && all_policies+=" lruk:lru-k"
policies=${POLICIES:-$all_policies}
obj_sizes="0.001,0.01,0.03,0.1,0.3"
byte_sizes="0.001,0.01,0.03,0.1,0.3,134217728,268435456,1073741824"

if [ -n "${APPEND:-}" ]; then cp "$out" "$work/out.tsv"; else {
  echo "# Exact miss counts from libCacheSim's cachesim (github.com/1a1a11a/libCacheSim, commit $commit),"
  echo "# default policy parameters, produced by scripts/refresh_libcachesim_expectations.sh on $(date -u +%F)."
  echo "# Each '# cmd:' line is the cachesim command behind the rows after it (trace paths as on the"
  echo "# generating machine; web07.txt and web12.txt are web07.trace.xz and web12.trace.xz decoded to one uint32 key per line)."
  echo "# Fraction sizes are cachesim's trunc(fraction x working set); cache_size is the resolved value."
  echo "# columns: trace mode policy cache_size requests misses miss_bytes requested_bytes"
} > "$work/out.tsv"; fi

cd "$work"
for input in "${inputs[@]}"; do
  IFS='|' read -r name path type modes <<<"$input"
  if [ -n "${TRACES:-}" ]; then case " $TRACES " in *" $name "*) ;; *) continue ;; esac; fi
  read -r -a type_args <<<"$type"
  for mode in $modes; do
    for pair in $policies; do
      ours=${pair%%:*} theirs=${pair#*:}
      [ "$ours" = belady ] && [ "${type_args[0]}" != oracleGeneral ] && continue
      if [ "$mode" = obj ]; then sizes=$obj_sizes extra=(--ignore-obj-size 1); else sizes=$byte_sizes extra=(); fi
      # 0.1% of its 435 objects is no cache at all.
      [ "$mode" = obj ] && [ "$name" = short_bigcache_head1000.csv.zst ] && sizes=0.01,0.03,0.1,0.3
      # cachesim's LFUDA does not finish at the smallest object-mode sizes (its
      # min-frequency bucket empties, see eviction/lfuda.h): those are left out.
      # On the CDN head it stops with SIGSEGV in byte mode at every size.
      if [ "$ours" = lfuda ] && [ "$mode" = obj ]; then
        case $name in web07*|short_big*) sizes=0.03,0.1,0.3 ;; web12*) sizes=0.1,0.3 ;; *) sizes=0.01,0.03,0.1,0.3 ;; esac
      fi
      [ "$ours" = lfuda ] && [ "$mode" = byte ] && [ "$name" = short_bigcache_head1000.csv.zst ] && continue
      # LIRS: cachelab differs where libCacheSim keeps a phantom resident entry
      # (object-mode caches under 200 objects, whose HIR share is one object: the
      # smallest size, and on web12 also 1% = 137) and in byte mode where object
      # sizes change between requests (vscsi, csv): see eviction/lirs.h. Those
      # rows are left out. The CDN head has at most 130 objects in object mode
      # and no object whose size changes, so only its byte rows are in.
      if [ "$ours" = lirs ]; then
        [ "$mode" = obj ] && sizes=0.01,0.03,0.1,0.3
        [ "$mode" = obj ] && [ "$name" = web12.txt.zst ] && sizes=0.03,0.1,0.3
        [ "$mode" = obj ] && [ "$name" = short_bigcache_head1000.csv.zst ] && continue
        [ "$mode" = byte ] && [ "${type_args[0]}" != oracleGeneral ] && [ "$name" != short_bigcache_head1000.csv.zst ] && continue
      fi
      cmd=("$cachesim" "$path" "${type_args[0]}" "$theirs" "$sizes" "${type_args[@]:1}" "${extra[@]}")
      [ "$ours" = lruk ] && echo "# lruk: cachesim with cpp/LRU_K.cpp compiled in: ${LRUK_NOTE:-cpp/LRU_K.cpp of libCacheSim 2dfe06b9, from \$LRUK_CPP}" >> "$work/out.tsv"
      echo "# cmd: cachesim $(basename "$path") ${cmd[*]:2}" >> "$work/out.tsv"
      "${cmd[@]}" 2>/dev/null | awk -v lead="$name	$mode	$ours" -f "$here/scripts/cachesim_counts.awk" >> "$work/out.tsv"
    done
  done
done
mv "$work/out.tsv" "$out"
echo "wrote $(grep -vc '^#' "$out") rows to $out" >&2
