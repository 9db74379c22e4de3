# Shared by bootstrap.sh and test.sh: install what is missing, then build.
# Idempotent: installs only packages that are absent, configures once, and
# rebuilds incrementally.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${CACHELAB_BUILD_DIR:-$ROOT/build}"
GUI="${CACHELAB_GUI:-ON}"

# xz-utils and bzip2: tests make compressed copies of traces with the command-line tools
# (a minimal Debian has only gzip).
PACKAGES=(
  g++ cmake ninja-build pkg-config
  libsqlite3-dev libhiredis-dev libcli11-dev nlohmann-json3-dev libtomlplusplus-dev
  libzstd-dev liblzma-dev libbz2-dev xz-utils bzip2 libssl-dev zlib1g-dev
  catch2 libbenchmark-dev redis-server
)
if [ "$GUI" = "ON" ]; then
  PACKAGES+=(qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libgl-dev)
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing: ${missing[*]}" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
  # The Debian package starts a system Redis; the lab's tests start their own.
}

build() {
  local jobs
  jobs="$(nproc 2>/dev/null || echo 2)"
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCACHELAB_BUILD_GUI="$GUI" >&2
  fi
  cmake --build "$BUILD_DIR" -j "$jobs" >&2
}
