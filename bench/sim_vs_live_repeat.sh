#!/usr/bin/env bash
# One grid point of bench/sim_vs_live_hit_ratio.sh, repeated: RUNS fresh
# private redis-servers (maxmemory = empty used_memory + BUDGET KiB), each
# replayed live with --compare-live; run i's twin uses sim seed i, so the
# spread of both sides and the mean of sim - live show whether a difference
# is systematic. BINARIES (space-separated cachelab paths) are interleaved
# run by run, for before/after comparisons on the same machine state.
#
# Usage: bench/sim_vs_live_repeat.sh   (env: TRACE, POLICY, SAMPLES, BUDGET
#        in KiB, CONNECTIONS, RUNS, BINARIES)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
TRACE=${TRACE:-web07.txt.zst}
POLICY=${POLICY:-allkeys-lru}
SAMPLES=${SAMPLES:-5}
BUDGET=${BUDGET:-256}
CONNECTIONS=${CONNECTIONS:-1}
RUNS=${RUNS:-6}
BINARIES=${BINARIES:-$here/build/cli/cachelab}
for tool in redis-server redis-cli python3; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }; done
dir=$(mktemp -d)
port=
stop() { [ -n "$port" ] && redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true; port=; }
trap 'stop; rm -rf "$dir"' EXIT
start() {
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" --daemonize yes \
    --logfile "$dir/redis.log" --pidfile "$dir/redis-$port.pid"
  for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && return; sleep 0.1; done
}
used() { redis-cli -p "$port" info memory | sed -n 's/^used_memory:\([0-9]*\).*/\1/p'; }
echo "load before: $(uptime)"
echo "$TRACE $POLICY samples $SAMPLES, $BUDGET KiB, $CONNECTIONS connection(s), $RUNS runs"
out=$dir/results
for run in $(seq "$RUNS"); do
  b=0
  for bin in $BINARIES; do
    b=$((b + 1))
    start
    used >/dev/null
    base=$(used)
    redis-cli -p "$port" config set maxmemory $((base + BUDGET * 1024)) >/dev/null
    redis-cli -p "$port" config set maxmemory-policy "$POLICY" >/dev/null
    redis-cli -p "$port" config set maxmemory-samples "$SAMPLES" >/dev/null
    json=$("$bin" replay --trace "$here/tests/data/$TRACE" --backend "redis://127.0.0.1:$port" \
      --backend "sim:seed=$run" --connections "$CONNECTIONS" --no-store --json 2>/dev/null)
    stop
    python3 -c '
import json, sys
live, sim, diff = json.load(sys.stdin)
print(sys.argv[1], sys.argv[2], live["hit_ratio"], sim["hit_ratio"], live.get("evictions", 0), sim["evictions"], live.get("failed_ops", 0))
' "$b" "$run" <<<"$json" | tee -a "$out"
  done
done
python3 - "$out" <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1])]
for b in sorted({r[0] for r in rows}):
    rs = [r for r in rows if r[0] == b]
    live = [float(r[2]) for r in rs]; sim = [float(r[3]) for r in rs]
    d = [100 * (s - l) for s, l in zip(sim, live)]
    ev_l = [int(r[4]) for r in rs]; ev_s = [int(r[5]) for r in rs]
    print("binary %s: live %.4f sd %.4f | sim %.4f sd %.4f | sim-live mean %+.2f sd %.2f min %+.2f max %+.2f | evictions live %.0f sim %.0f"
          % (b, st.mean(live), st.pstdev(live), st.mean(sim), st.pstdev(sim), st.mean(d), st.pstdev(d), min(d), max(d),
             st.mean(ev_l), st.mean(ev_s)))
PY
echo "load after: $(uptime)"
