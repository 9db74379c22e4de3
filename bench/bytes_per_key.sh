#!/usr/bin/env bash
# bench/bytes_per_key.sh [BIN] [-- EXTRA RUN ARGS]
#
# The host memory a touched key costs, as docs/PERFORMANCE.md ("Compact
# store") measures it: peak RSS (/usr/bin/time -v) of a uniform run
# (--alpha 0, --db-pool 1000 so no database backlog grows with the run, 3
# requests a key) over 2,000,000 keys minus that over 1,000,000, divided by
# the difference in keys touched (cold_start_keys of the JSON). Prints it for
# --ttl 0 and the default TTL. Peak RSS does not depend on the machine's load.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${1:-$ROOT/build/cli/cachelab}"
[ $# -ge 1 ] && shift
[ "${1:-}" = "--" ] && shift
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
run() {  # keys ttl-args... -> "peak_kib touched"
  local keys=$1; shift
  /usr/bin/time -v "$BIN" run --no-store --json --alpha 0 --db-pool 1000 --keys "$keys" \
    --requests $((3 * keys)) "$@" >"$TMP/out.json" 2>"$TMP/time.txt"
  echo "$(awk -F': ' '/Maximum resident/{print $2}' "$TMP/time.txt") \
$(grep -o '"cold_start_keys": [0-9]*' "$TMP/out.json" | grep -o '[0-9]*$')"
}
for ttl in "--ttl 0" ""; do
  # shellcheck disable=SC2086
  read -r r1 k1 < <(run 1000000 $ttl "$@")
  # shellcheck disable=SC2086
  read -r r2 k2 < <(run 2000000 $ttl "$@")
  awk -v r1="$r1" -v r2="$r2" -v k1="$k1" -v k2="$k2" -v t="${ttl:-default TTL}" 'BEGIN{
    printf "%-12s %.1f B a touched key  (peak RSS %.1f -> %.1f MiB, keys touched %d -> %d)\n",
      t, (r2 - r1) * 1024 / (k2 - k1), r1 / 1024, r2 / 1024, k1, k2 }'
done
