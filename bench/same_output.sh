#!/usr/bin/env bash
# bench/same_output.sh OLD_COMMIT
#
# Determinism across a change: builds OLD_COMMIT (like bench/compare.sh, in
# .compare/<sha>, reused) and the current tree, runs `cachelab run --json
# --no-store` with the same config and seed on both for a set of configurations
# (strategies, invalidation schemes, stampede guards, near cache, cluster,
# maxmemory eviction, scenarios, a trace), and compares the JSON byte for byte
# after removing the three wall-clock fields (wall_seconds, cpu_seconds,
# sim_requests_per_sec). Prints one line per configuration (md5 of old and
# new); exits 1 if any differs (the diff is printed), 0 if all are identical.
# PGO=1 checks the profile-guided build (scripts/build_pgo.sh) against OLD_COMMIT.
# NEW_KEYS="a|b" also drops those JSON keys (fields the change adds on purpose).
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: bench/same_output.sh OLD_COMMIT" >&2; exit 2; }
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OLD_SHA="$(git -C "$ROOT" rev-parse --verify "$1^{commit}")" || { echo "same_output.sh: unknown commit '$1'" >&2; exit 2; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
source "$ROOT/bench/old_and_new.sh"

TRACE="${TRACE:-/work/shared/traces/cloudPhysicsIO.oracleGeneral.bin}"
CONFIGS=(
  ""
  "--strategy all --requests 200000"
  "--invalidation all --requests 200000"
  "--stampede all --scenario hot-key --requests 200000"
  "--near-cache on --requests 200000"
  "--nodes 4 --partitioner all --requests 200000"
  "--maxmemory 4MiB --maxmemory-policy allkeys-lru --requests 300000"
  "--maxmemory 2MiB --maxmemory-policy allkeys-lfu --strategy write-through --requests 300000"
  "--maxmemory 2MiB --maxmemory-policy allkeys-random --invalidation version --requests 200000"
  "--scenario sync-expiry --stampede lease,xfetch --requests 200000"
  "--scenario flash-crowd --strategy write-behind --requests 200000"
  "--invalidation version --strategy all --nodes 3 --requests 200000"
  "--keys 2000000 --seed 7 --alpha 0.6 --requests 300000"
  "--keys 1 --requests 1000"
  "--trace $TRACE"
  "--trace $TRACE --invalidation tags --maxmemory 8MiB"
  # Where direct commands switch off or meet the general path (issue 18):
  # replies out of order, reads waiting for a connection, cache faults, churn.
  "--redis-rtt 150us+exp(50us) --requests 200000"
  "--db-pool 2 --requests 200000"
  "--cache-outage t=2s:d=1s --requests 200000"
  "--crash t=2s:cache;t=3s:server=0 --servers 2 --requests 200000"
  "--nodes 3 --churn t=1s:add,t=2s:crash:1,t=3s:recover:1 --scenario hot-key --requests 200000"
  "--stampede lease --scenario hot-key --invalidation ttl-only --requests 200000"
)
DROP='"(wall_seconds|cpu_seconds|sim_requests_per_sec'"${NEW_KEYS:+|$NEW_KEYS}"')"'
fail=0
for cfg in "${CONFIGS[@]}"; do
  # shellcheck disable=SC2086
  "$OLD_BIN" run --json --no-store $cfg 2>"$TMP/old.err" |
    grep -Ev "$DROP" >"$TMP/old.json" || { cat "$TMP/old.err" >&2; exit 1; }
  # shellcheck disable=SC2086
  "$NEW_BIN" run --json --no-store $cfg 2>"$TMP/new.err" |
    grep -Ev "$DROP" >"$TMP/new.json" || { cat "$TMP/new.err" >&2; exit 1; }
  o="$(md5sum <"$TMP/old.json" | cut -c1-12)"; n="$(md5sum <"$TMP/new.json" | cut -c1-12)"
  if [ "$o" = "$n" ]; then
    printf "same  %s %s  %s\n" "$o" "$(wc -c <"$TMP/new.json")B" "${cfg:-(defaults)}"
  else
    printf "DIFF  %s %s  %s\n" "$o" "$n" "${cfg:-(defaults)}"
    diff "$TMP/old.json" "$TMP/new.json" | head -20 || true  # diff exits 1: not the script's end
    fail=1
  fi
done
exit "$fail"
