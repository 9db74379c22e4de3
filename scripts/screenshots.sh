#!/usr/bin/env bash
# Regenerates every picture in docs/images from fresh runs, so the README's
# screenshots never go stale: `bash scripts/screenshots.sh` (after a build with
# the GUI; CACHELAB_BUILD_DIR picks another build tree). Headless: the GUI
# renders on Qt's offscreen platform, no display needed. About 2 minutes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${CACHELAB_BUILD_DIR:-$ROOT/build}"
CLI="$BUILD/cli/cachelab"
GUI="$BUILD/gui/cachelab-gui"
OUT="$ROOT/docs/images"
for b in "$CLI" "$GUI"; do
  [ -x "$b" ] || { echo "screenshots.sh: $b is missing: build with -DCACHELAB_BUILD_GUI=ON first" >&2; exit 2; }
done
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
q() { "$@" >/dev/null 2>&1 || { echo "screenshots.sh: failed: $*" >&2; exit 1; }; }
shot() { "$GUI" "$@" 2>&1 | grep '^wrote' || { echo "screenshots.sh: failed: cachelab-gui $*" >&2; exit 1; }; }

# One store per picture group, so `--run all` is exactly the runs compared.
q "$CLI" run --strategy all --requests 200000 --window 500ms --db "$TMP/compare.db"
q "$CLI" run --scenario hot-key --stampede none,single-flight,xfetch,stale-while-revalidate --rate 1000 \
  --recompute-ms 20 --ttl 1s --servers 4 --window 100ms --requests 20000 --db "$TMP/stampede.db"
q "$CLI" run --nodes 4 --ttl 0 --partitioner ring,jump,modulo --requests 300000 \
  --churn "t=5s:add,t=10s:crash:1,t=13s:recover:1" --maxmemory 16MiB --db "$TMP/cluster.db"
q "$CLI" sweep "$ROOT/experiments/default.toml" --db "$TMP/sweep.db"
q "$CLI" replay --trace "$ROOT/tests/data/cloudPhysicsIO.oracleGeneral.bin.zst" --policy lru,s3fifo --mrc \
  --db "$TMP/replay.db"
for d in stampede jitter write-behind-crash ring-add-node staleness eviction; do q "$CLI" demo "$d" --db "$TMP/demos.db"; done

# The comparison of the six strategies: the whole window, then single charts.
shot --db "$TMP/compare.db" --run all --chart latency --window --screenshot "$OUT/dashboard-window.png"
for c in hit-rate latency summary latency-cdf; do
  shot --db "$TMP/compare.db" --run all --chart "$c" --screenshot "$OUT/dashboard-compare-$c.png"
done
shot --db "$TMP/stampede.db" --run all --chart stampede --screenshot "$OUT/dashboard-stampede.png"
for c in ring memory hit-rate; do
  shot --db "$TMP/cluster.db" --run all --chart "$c" --screenshot "$OUT/dashboard-cluster-$c.png"
done
shot --db "$TMP/replay.db" --run all --chart mrc --screenshot "$OUT/dashboard-mrc.png"
"$CLI" plot --sweep "$ROOT/experiments/default.toml" --db "$TMP/sweep.db" --metric stale_read_ratio \
  --x invalidation --y strategy --width 1300 --height 600 --out "$OUT/dashboard-sweep.png" 2>&1 | grep '^wrote'
for d in stampede jitter write-behind-crash ring-add-node staleness eviction; do
  shot --db "$TMP/demos.db" --demo "$d" --screenshot "$OUT/demo-$d.png"
done
