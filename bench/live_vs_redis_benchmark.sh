#!/usr/bin/env bash
# The live replay's speed next to redis-benchmark's on the same server.
#
# Starts a private redis-server on a free loopback port, then REPS times,
# interleaved: `redis-benchmark -t get -P 32` (GETs of 3-byte values on
# KEYS existing keys) and `cachelab replay --backend` of the cache2k orm-busy
# trace (5,000,000 requests over 76,349 keys; a miss fills a 2-byte value).
# Prints each run's requests/s, the lab's client CPU per request, the ratio,
# and the machine load (uptime) before and after.
#
# Usage: bench/live_vs_redis_benchmark.sh [build dir]   (env: REPS=5 N=5000000
#        DEPTH=128 CONNECTIONS= (the lab's default) KEYS=100000
#        PIN=1: server on CPU 0, each client (redis-benchmark, cachelab) on CPU 1
#        OTHER=/path/to/another/cachelab: also run it, interleaved, as "other")
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
cachelab=$build/cli/cachelab
REPS=${REPS:-5} N=${N:-5000000} DEPTH=${DEPTH:-128} KEYS=${KEYS:-100000} CONNECTIONS=${CONNECTIONS:-} PIN=${PIN:-} OTHER=${OTHER:-}
srv_pin=() cli_pin=()
if [ -n "$PIN" ]; then srv_pin=(taskset -c 0) cli_pin=(taskset -c 1); fi
trace_xz=${TRACE_XZ:-/work/shared/traces/orm-busy.trace.xz}
for tool in redis-server redis-benchmark redis-cli xz python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
[ -x "$cachelab" ] || { echo "build $cachelab first" >&2; exit 2; }

dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cleanup() { redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
"${srv_pin[@]}" redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" --daemonize yes \
  --logfile "$dir/redis.log" --pidfile "$dir/redis.pid"
for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done

# The trace as one id per line (xz-compressed big-endian int32 keys).
xz -dc "$trace_xz" | python3 -c 'import sys,struct; b=sys.stdin.buffer.read(); sys.stdout.write("".join("%d\n" % x for x in struct.unpack(">%di" % (len(b)//4), b)))' >"$dir/trace.txt"
# redis-benchmark's GETs hit: its keys exist, with 3-byte values.
redis-benchmark -p "$port" -t set -r "$KEYS" -n $((KEYS * 10)) -P 32 -d 3 -q >/dev/null 2>&1

echo "load before: $(uptime)"
echo "server: $(redis-server --version | cut -d' ' -f3), redis-benchmark -t get,set -P 32 -n $N -r $KEYS (50 clients)${PIN:+; server pinned to CPU 0, clients to CPU 1}"
echo "lab:    cachelab replay --trace orm-busy --backend redis://127.0.0.1:$port --pipeline-depth $DEPTH ${CONNECTIONS:+--connections $CONNECTIONS}"
echo "ratio = lab commands/s (GETs + fill SETs) / redis-benchmark's mean of GET/s and SET/s"
printf "%-4s %-6s %12s %12s %14s %14s %8s %15s %10s\n" rep lab bench_get/s bench_set/s lab_req/s lab_cmd/s ratio lab_cpu_us/req hit_ratio
labs=("lab:$cachelab")
[ -n "$OTHER" ] && labs+=("other:$OTHER")
declare -A ratios
for rep in $(seq "$REPS"); do
  for entry in "${labs[@]}"; do
    name=${entry%%:*} bin=${entry#*:}
    out=$("${cli_pin[@]}" redis-benchmark -p "$port" -t get,set -P 32 -n "$N" -r "$KEYS" -d 3 -q 2>/dev/null | tr '\r' '\n')
    bget=$(sed -n 's/^GET: \([0-9.]*\) requests per second.*/\1/p' <<<"$out" | tail -1)
    bset=$(sed -n 's/^SET: \([0-9.]*\) requests per second.*/\1/p' <<<"$out" | tail -1)
    json=$("${cli_pin[@]}" "$bin" replay --trace "$dir/trace.txt" --backend "redis://127.0.0.1:$port" --pipeline-depth "$DEPTH" \
      ${CONNECTIONS:+--connections "$CONNECTIONS"} --no-store --json 2>/dev/null)
    read -r lab cmd cpu hit < <(python3 -c 'import json,sys; j=json.load(sys.stdin)[0]; print(j["throughput_mreq_s"]*1e6, j["commands_per_sec"], j["client_cpu_us_per_req"], j["hit_ratio"])' <<<"$json")
    ratio=$(python3 -c "print(f'{$cmd / (($bget + $bset) / 2):.3f}')")
    ratios[$name]+="$ratio "
    printf "%-4s %-6s %12.0f %12.0f %14.0f %14.0f %8s %15.3f %10.4f\n" "$rep" "$name" "$bget" "$bset" "$lab" "$cmd" "$ratio" "$cpu" "$hit"
  done
done
for entry in "${labs[@]}"; do
  name=${entry%%:*}
  echo "median ratio $name/redis-benchmark: $(printf '%s\n' ${ratios[$name]} | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
done
echo "load after: $(uptime)"
