#!/usr/bin/env bash
# Quick start, step 1: install what is missing (Debian 12), build, and run the
# lab's default experiment: `cachelab run` (cache-aside on the standard Zipf
# workload), then experiments/default.toml (every strategy x every
# invalidation scheme, one comparison table). Results go to
# ./cachelab-results.db. Extra arguments go to `cachelab run`.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_missing
build
"$BUILD_DIR/cli/cachelab" run "$@"
echo
exec "$BUILD_DIR/cli/cachelab" sweep "$ROOT/experiments/default.toml"
