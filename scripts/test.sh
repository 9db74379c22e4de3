#!/usr/bin/env bash
# Quick start, step 2: install what is missing, build, and run every test.
# Tests that need Redis start their own redis-server on a loopback port.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_missing
build
cd "$BUILD_DIR"
ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"
