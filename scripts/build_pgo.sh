#!/usr/bin/env bash
# A profile-guided build of the `cachelab` CLI in build-pgo/ (or
# $CACHELAB_BUILD_DIR), for long sweeps and trace replays: the same results,
# bit for bit, about 1.07x the simulated requests per second of the default
# run (docs/PERFORMANCE.md, "Fourteenth step"). GCC only; no GUI.
#   1. build with CACHELAB_PGO=GENERATE (counters in BUILD/pgo-profile);
#   2. training: the default run and a few common variations, under a minute;
#   3. rebuild the same directory with CACHELAB_PGO=USE.
# Takes about two plain builds (uncached). Usage: scripts/build_pgo.sh; then
# build-pgo/cli/cachelab run ...
export CACHELAB_BUILD_DIR="${CACHELAB_BUILD_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build-pgo}"
export CACHELAB_GUI=OFF
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_missing

# No ccache: its cached objects failed the profile's source checks (GCC's
# coverage-mismatch errors), so both builds compile everything.
unset CMAKE_CXX_COMPILER_LAUNCHER
PROFILE="$BUILD_DIR/pgo-profile"
JOBS="$(nproc 2>/dev/null || echo 2)"
configure() {  # configure OFF|GENERATE|USE
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCACHELAB_BUILD_GUI=OFF \
    -DCMAKE_CXX_COMPILER_LAUNCHER= -DCACHELAB_PGO="$1" -DCACHELAB_PGO_DIR="$PROFILE" >/dev/null
  cmake --build "$BUILD_DIR" -j "$JOBS" --target cachelab >&2
}

echo "== build-pgo 1/3: instrumented build in $BUILD_DIR" >&2
rm -rf "$PROFILE"
configure GENERATE

echo "== build-pgo 2/3: training runs" >&2
BIN="$BUILD_DIR/cli/cachelab"
DATA="$ROOT/tests/data"
train() { "$BIN" "$@" --no-store >/dev/null || { echo "build_pgo.sh: training run failed: cachelab $*" >&2; exit 1; }; }
train run
train run --maxmemory 4MiB --maxmemory-policy allkeys-lru
train run --requests 200000 --strategy all
train run --requests 200000 --nodes 3
train run --trace "$DATA/cloudPhysicsIO.oracleGeneral.bin"
train replay --trace "$DATA/cloudPhysicsIO.oracleGeneral.bin" --policy lru,s3fifo,wtinylfu --size 0.1 --jobs 1
ls "$PROFILE"/*.gcda >/dev/null 2>&1 || { echo "build_pgo.sh: the training wrote no profile to $PROFILE" >&2; exit 1; }

echo "== build-pgo 3/3: optimised build with the profile" >&2
configure USE
echo "== built $BIN (profile-guided)" >&2
