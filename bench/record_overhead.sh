#!/usr/bin/env bash
# What `cachelab record` (MONITOR) costs the server: redis-benchmark SET/GET
# throughput on a private server without and with a recorder attached,
# interleaved, REPS times. MONITOR makes Redis format every command and send
# it to the monitoring client, on the server's single command thread.
#
# Usage: bench/record_overhead.sh [build dir]   (env: REPS=3 N=300000)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
REPS=${REPS:-3} N=${N:-300000}
dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
trap 'redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" --daemonize yes \
  --logfile "$dir/redis.log" --pidfile "$dir/redis.pid"
for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
bench() {
  redis-benchmark -p "$port" -t set,get -n "$N" -r 100000 -P 16 -q 2>/dev/null | tr '\r' '\n' |
    sed -n 's/^\(SET\|GET\): \([0-9.]*\) requests per second.*/\2/p' | paste -sd' '
}
echo "load before: $(uptime)"
printf "%-4s %-10s %12s %12s\n" rep recorder set/s get/s
for rep in $(seq "$REPS"); do
  read -r s g <<<"$(bench)"
  printf "%-4s %-10s %12.0f %12.0f\n" "$rep" none "$s" "$g"
  "$build/cli/cachelab" record --backend "redis://127.0.0.1:$port" --duration 600s --out "$dir/trace.csv" 2>/dev/null &
  rec=$!
  for _ in $(seq 100); do redis-cli -p "$port" client list | grep -q cmd=monitor && break; sleep 0.05; done
  read -r s g <<<"$(bench)"
  printf "%-4s %-10s %12.0f %12.0f\n" "$rep" monitor "$s" "$g"
  kill "$rec"; wait "$rec" 2>/dev/null || true
done
echo "load after: $(uptime)"
