# Sourced by test.sh --sanitize and fuzz.sh: configures the sanitizer build
# directory once (ASan + UBSan with float-cast-overflow, GUI and benchmarks
# off, -O1 and line tables for the reports). clang when installed, so the same build serves libFuzzer;
# CACHELAB_SANITIZE_CXX picks another compiler. CI has clang 14, so code must
# build with it too (scripts/test.sh's ordinary build is g++).
SANITIZE_BUILD_DIR="${CACHELAB_SANITIZE_BUILD_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build-sanitize}"

configure_sanitize() {
  local root cxx
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  [ -f "$SANITIZE_BUILD_DIR/build.ninja" ] && return 0
  cxx="${CACHELAB_SANITIZE_CXX:-$(command -v clang++ || command -v g++)}"
  CXX="$cxx" cmake -S "$root" -B "$SANITIZE_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG="-O1" -DCACHELAB_BUILD_GUI=OFF -DCACHELAB_BUILD_BENCH=OFF \
    -DCACHELAB_SANITIZE=ON -DCACHELAB_FUZZ=ON >&2
}

# The fuzz targets in tests/fuzz/CMakeLists.txt (fuzz_<name>), as fuzz.sh runs them.
FUZZ_TARGETS=(trace_txt trace_csv trace_oracleGeneral trace_vscsi trace_twitter trace_arc trace_text_more experiment_file params resp result_store)

# Any report fails the test that caused it.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
