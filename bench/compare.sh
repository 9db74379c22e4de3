#!/usr/bin/env bash
# bench/compare.sh OLD_COMMIT [REPS] [-- cachelab run options]
#
# Builds OLD_COMMIT (exported to .compare/<sha>, GUI off, ccache) and the current
# tree, then runs `cachelab run --json --no-store` with the same options on
# both, interleaved (old, new, old, new, ...), REPS times (default 5). Prints
# per run: sim_requests_per_sec (completed requests / thread CPU time), whole
# process wall time and peak RSS (/usr/bin/time -v); then the medians and the
# new/old ratios, and `uptime` before and after (the machine is shared).
# Example: bench/compare.sh HEAD~5 5 -- --keys 10000000 --requests 1000000
# CPU=n runs both sides on CPU n only (taskset): on a VM whose CPUs differ in
# speed (here one ran the default run ~28% slower than the other, a busy
# sibling on the host), unpinned pairs land on either and the spread hides a
# few-percent change; pinned, the spread of 11 runs was about 1%.
# PGO=1 builds the current tree profile-guided (scripts/build_pgo.sh, build-pgo/);
# the old side stays a plain Release build.
# (OLD_COMMIT must know `run --json --no-store`; a failing run stops the script.)
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: bench/compare.sh OLD_COMMIT [REPS] [-- run options]" >&2; exit 2; }
OLD="$1"; shift
REPS=5
if [ $# -ge 1 ] && [ "$1" != "--" ]; then REPS="$1"; shift; fi
[ $# -ge 1 ] && [ "$1" = "--" ] && shift
RUN_ARGS=("$@")

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OLD_SHA="$(git -C "$ROOT" rev-parse --verify "$OLD^{commit}")" || { echo "compare.sh: unknown commit '$OLD'" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "compare.sh: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }

PIN=()
if [ -n "${CPU:-}" ]; then
  command -v taskset >/dev/null || { echo "compare.sh: CPU set but taskset missing (apt-get install util-linux)" >&2; exit 2; }
  taskset -c "$CPU" true 2>/dev/null || { echo "compare.sh: CPU=$CPU: no such CPU here (nproc: $(nproc))" >&2; exit 2; }
  PIN=(taskset -c "$CPU")
fi
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
source "$ROOT/bench/old_and_new.sh"

one() {  # one BIN -> "req_per_sec wall_s rss_mib"
  local out="$TMP/out.json" tv="$TMP/time.txt"
  "${PIN[@]}" /usr/bin/time -v "$1" run --json --no-store "${RUN_ARGS[@]}" >"$out" 2>"$tv" ||
    { cat "$tv" >&2; exit 1; }
  local rps wall rss
  rps="$(sed -n 's/^ *"sim_requests_per_sec": *\([0-9.eE+-]*\).*/\1/p' "$out" | head -1)"
  wall="$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$tv" | awk -F: '{s=0; for (i=1;i<=NF;i++) s=s*60+$i; print s}')"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tv")"
  echo "$rps $wall $(awk -v k="$rss" 'BEGIN{printf "%.1f", k/1024}')"
}

median() { sort -g | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "load before: $(uptime)"
echo "options: ${RUN_ARGS[*]:-(defaults)}"
if [ -n "${CPU:-}" ]; then echo "pinned: CPU $CPU"; else echo "pinned: no (CPU=n pins both sides)"; fi
echo "new side: $NEW_BIN$([ "${PGO:-0}" = 1 ] && echo ' (profile-guided)')"
printf "%-4s %-4s %16s %10s %10s\n" rep side req_per_sec wall_s rss_mib
: >"$TMP/old.txt"; : >"$TMP/new.txt"
for i in $(seq 1 "$REPS"); do
  for side in old new; do
    bin="$OLD_BIN"; [ "$side" = new ] && bin="$NEW_BIN"
    r="$(one "$bin")"
    echo "$r" >>"$TMP/$side.txt"
    read -r rps wall rss <<<"$r"
    printf "%-4s %-4s %16.0f %10.2f %10.1f\n" "$i" "$side" "$rps" "$wall" "$rss"
  done
done
echo "load after:  $(uptime)"
printf "\n%-8s %16s %10s %10s\n" median req_per_sec wall_s rss_mib
for side in old new; do
  printf "%-8s %16.0f %10.2f %10.1f\n" "$side" \
    "$(awk '{print $1}' "$TMP/$side.txt" | median)" \
    "$(awk '{print $2}' "$TMP/$side.txt" | median)" \
    "$(awk '{print $3}' "$TMP/$side.txt" | median)"
done
awk -v o="$(awk '{print $1}' "$TMP/old.txt" | median)" -v n="$(awk '{print $1}' "$TMP/new.txt" | median)" \
    -v ow="$(awk '{print $2}' "$TMP/old.txt" | median)" -v nw="$(awk '{print $2}' "$TMP/new.txt" | median)" \
    -v orss="$(awk '{print $3}' "$TMP/old.txt" | median)" -v nrss="$(awk '{print $3}' "$TMP/new.txt" | median)" \
    'BEGIN{printf "ratio new/old: req_per_sec %.2fx, wall %.2fx, peak RSS %.2fx\n", n/o, nw/ow, nrss/orss}'
