#!/usr/bin/env bash
# The sanitizer job that fits CI's time budget (scripts/test.sh runs it when
# CI=true; see docs/RELIABILITY.md, "Sanitizers"): a sanitizer build of the
# core, the CLI and the tests labelled `sanitize-ci` in tests/CMakeLists.txt,
# those tests, then every fuzz target for CACHELAB_CI_FUZZ_SECONDS each
# (default 20; fuzz.sh runs one per core at a time). The whole suite under the sanitizers is `scripts/test.sh --sanitize`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/sanitize.sh"
JOBS="$(nproc 2>/dev/null || echo 2)"
configure_sanitize
mapfile -t tests < <(ctest --test-dir "$SANITIZE_BUILD_DIR" -N -L sanitize-ci | sed -n 's/^ *Test *#[0-9]*: *//p')
[ ${#tests[@]} -gt 0 ] || { echo "sanitize-ci: no test carries the label" >&2; exit 1; }
echo "== sanitizer build ($(basename "$(sed -n 's/^CMAKE_CXX_COMPILER:FILEPATH=//p' "$SANITIZE_BUILD_DIR/CMakeCache.txt")")): ${tests[*]}" >&2
# The fuzz targets too, in the same build: one ninja run keeps both cores busy
# to its end (fuzz.sh then finds them built).
cmake --build "$SANITIZE_BUILD_DIR" -j "$JOBS" --target cachelab "${tests[@]}" "${FUZZ_TARGETS[@]/#/fuzz_}" >&2
(cd "$SANITIZE_BUILD_DIR" && ctest -L sanitize-ci --output-on-failure -j "$JOBS")
bash "$ROOT/scripts/fuzz.sh" "${CACHELAB_CI_FUZZ_SECONDS:-20}"
