# Sourced by compare.sh and same_output.sh: builds the `cachelab` CLI of commit
# $OLD_SHA and of the current tree (Release, no GUI, ccache) and sets OLD_BIN
# and NEW_BIN. Needs ROOT, OLD_SHA and TMP (a scratch directory). PGO=1 builds
# the current tree with scripts/build_pgo.sh (in build-pgo/) instead.
export CMAKE_CXX_COMPILER_LAUNCHER=ccache CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(dirname "$ROOT")}"
JOBS="${JOBS:-2}"

build() {  # build SRC_DIR BUILD_DIR
  cmake -S "$1" -B "$2" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCACHELAB_BUILD_GUI=OFF >"$TMP/cmake.log" 2>&1 ||
    { cat "$TMP/cmake.log" >&2; exit 1; }
  cmake --build "$2" -j"$JOBS" --target cachelab >"$TMP/build.log" 2>&1 || { tail -30 "$TMP/build.log" >&2; exit 1; }
}

# The old tree is exported (git archive, no worktree to clean up) under
# .compare/<sha> inside the tree, so CCACHE_BASEDIR lets it hit the cache and a
# second comparison with the same commit reuses the build (rm -rf .compare).
OLD_DIR="$ROOT/.compare/$OLD_SHA"
if [ ! -x "$OLD_DIR/build/cli/cachelab" ]; then
  echo "== building old $OLD_SHA in $OLD_DIR" >&2
  rm -rf "$OLD_DIR" && mkdir -p "$OLD_DIR"
  git -C "$ROOT" archive "$OLD_SHA" | tar -x -C "$OLD_DIR"
  build "$OLD_DIR" "$OLD_DIR/build"
fi
if [ "${PGO:-0}" = 1 ]; then  # the current tree profile-guided (scripts/build_pgo.sh), the old one plain
  echo "== building current tree, profile-guided (scripts/build_pgo.sh)" >&2
  NEW_BUILD="${CACHELAB_BUILD_DIR:-$ROOT/build-pgo}"
  CACHELAB_BUILD_DIR="$NEW_BUILD" bash "$ROOT/scripts/build_pgo.sh" >"$TMP/build.log" 2>&1 ||
    { tail -30 "$TMP/build.log" >&2; exit 1; }
else
  echo "== building current tree" >&2
  NEW_BUILD="${CACHELAB_BUILD_DIR:-$ROOT/build}"
  build "$ROOT" "$NEW_BUILD"
fi
OLD_BIN="$OLD_DIR/build/cli/cachelab"
NEW_BIN="$NEW_BUILD/cli/cachelab"
