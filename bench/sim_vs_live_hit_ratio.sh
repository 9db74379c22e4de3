#!/usr/bin/env bash
# The simulated Redis against a real one on the same replay: for each trace,
# policy, maxmemory-samples and budget, a fresh private redis-server with
# maxmemory = (its empty used_memory) + budget, and
#   cachelab replay --trace T --backend redis://... --compare-live --json
# which replays live, then replays the simulated twin configured from the
# server (maxmemory, policy, samples, latency-tracking, used_memory before)
# on the live run's schedule. Prints the hit ratios and sim - live in points.
#
# Usage: bench/sim_vs_live_hit_ratio.sh [build dir]
#        (env: TRACES, POLICIES, SAMPLES, BUDGETS in KiB, CONNECTIONS)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
cachelab=$build/cli/cachelab
TRACES=${TRACES:-"cloudPhysicsIO.txt.zst web07.txt.zst web12.txt.zst"}
POLICIES=${POLICIES:-"allkeys-lru allkeys-lfu allkeys-random"}
SAMPLES=${SAMPLES:-"5 10"}
BUDGETS=${BUDGETS:-"256 1024 4096"}
CONNECTIONS=${CONNECTIONS:-}
for tool in redis-server redis-cli python3; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }; done
[ -x "$cachelab" ] || { echo "build $cachelab first" >&2; exit 2; }
dir=$(mktemp -d)
port=
stop() { [ -n "$port" ] && redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true; port=; }
trap 'stop; rm -rf "$dir"' EXIT
start() {  # start a fresh server; echoes nothing
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" --daemonize yes \
    --logfile "$dir/redis.log" --pidfile "$dir/redis-$port.pid" "$@"
  for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && return; sleep 0.1; done
}
used() { redis-cli -p "$port" info memory | sed -n 's/^used_memory:\([0-9]*\).*/\1/p'; }

echo "load before: $(uptime)"
echo "server: $(redis-server --version | cut -d' ' -f3); lab: default pipeline depth${CONNECTIONS:+, --connections $CONNECTIONS}"
printf "%-24s %-15s %7s %9s %10s %10s %8s %7s\n" trace policy samples budget_KiB live_hit sim_hit diff_pts failed
for trace in $TRACES; do
  for policy in $POLICIES; do
    for samples in $SAMPLES; do
      for budget in $BUDGETS; do
        start
        used >/dev/null  # the first INFO allocates its latency histogram
        base=$(used)
        redis-cli -p "$port" config set maxmemory $((base + budget * 1024)) >/dev/null
        redis-cli -p "$port" config set maxmemory-policy "$policy" >/dev/null
        redis-cli -p "$port" config set maxmemory-samples "$samples" >/dev/null
        json=$("$cachelab" replay --trace "$here/tests/data/$trace" --backend "redis://127.0.0.1:$port" --compare-live \
          ${CONNECTIONS:+--connections "$CONNECTIONS"} --no-store --json 2>/dev/null)
        stop
        python3 -c '
import json, sys
live, sim, diff = json.load(sys.stdin)
# failed: live commands that failed (timeouts, reconnects): such a point measures the failures, not Redis
print("%-24s %-15s %7s %9s %10.4f %10.4f %8.2f %7d" % (sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4],
      live["hit_ratio"], sim["hit_ratio"], 100 * diff["hit_ratio"], live.get("failed_ops", 0)))' "$trace" "$policy" "$samples" "$budget" <<<"$json"
      done
    done
  done
done
echo "load after: $(uptime)"
