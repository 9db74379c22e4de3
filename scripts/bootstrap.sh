#!/usr/bin/env bash
# Quick start, step 1: install what is missing (Debian 12), build, and run the
# lab's default experiment. Extra arguments go to `cachelab run`.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_missing
build
exec "$BUILD_DIR/cli/cachelab" run "$@"
