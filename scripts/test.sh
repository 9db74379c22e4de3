#!/usr/bin/env bash
# Quick start, step 2: install what is missing, build, and run every test.
# Tests that need Redis start their own redis-server on a loopback port.
# --sanitize: the whole suite (GUI off) under ASan+UBSan, in build-sanitize/.
# CI=true (.ci/run on the CI machine): then the sanitizer job that fits CI's
# time too, scripts/sanitize_ci.sh (a subset of the tests, and the fuzz targets).
if [ "${1:-}" = "--sanitize" ]; then
  source "$(dirname "${BASH_SOURCE[0]}")/sanitize.sh"
  export CACHELAB_BUILD_DIR="$SANITIZE_BUILD_DIR" CACHELAB_GUI=OFF
fi
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_missing
if [ "${1:-}" = "--sanitize" ]; then configure_sanitize; fi
build
cd "$BUILD_DIR"
ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"
if [ "${CI:-}" = "true" ] && [ "${1:-}" != "--sanitize" ]; then
  cd "$ROOT"
  bash scripts/sanitize_ci.sh
fi
