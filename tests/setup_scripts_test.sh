#!/usr/bin/env bash
# scripts/common.sh keeps its word (issue 17, "Set-up that keeps its word"):
# 1. every name in PACKAGES (with and without the GUI) is a real Debian
#    package: installed (dpkg-query) or with a Version in apt's lists. A
#    virtual name such as libqt6svg6-dev (provided by qt6-svg-dev) is never
#    reported installed by dpkg-query, so bootstrap ran apt-get on every call.
# 2. with every package installed, install_missing calls neither apt-get nor
#    sudo: stubs first on PATH record any call.
set -uo pipefail
ROOT="${1:?usage: setup_scripts_test.sh REPO_ROOT}"
command -v dpkg-query >/dev/null || { echo "SKIPPED: not a Debian system"; exit 77; }
fail=0
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

all_installed=1
for gui in ON OFF; do
  pkgs=$(CACHELAB_GUI=$gui bash -c 'source "$1/scripts/common.sh"; printf "%s\n" "${PACKAGES[@]}"' _ "$ROOT")
  for p in $pkgs; do
    if installed "$p"; then continue; fi
    all_installed=0
    if ! apt-cache show --no-all-versions "$p" 2>/dev/null | grep -q '^Version:'; then
      echo "FAIL: '$p' (CACHELAB_GUI=$gui) is neither installed nor a real package in apt's lists (virtual?)"
      fail=1
    fi
  done
done

stub=$(mktemp -d)
trap 'rm -rf "$stub"' EXIT
for cmd in apt-get sudo; do
  printf '#!/bin/sh\necho "%s $*" >> "%s/calls"\nexit 1\n' "$cmd" "$stub" > "$stub/$cmd"
  chmod +x "$stub/$cmd"
done
if [ "$all_installed" = 1 ]; then
  CACHELAB_GUI=ON PATH="$stub:$PATH" bash -c 'source "$1/scripts/common.sh"; install_missing' _ "$ROOT" 2>"$stub/err"
  if [ -e "$stub/calls" ]; then
    echo "FAIL: install_missing ran with everything installed: $(cat "$stub/calls")"
    cat "$stub/err"
    fail=1
  fi
else
  echo "note: some packages are not installed here; part 2 (no apt-get when all are installed) not checked"
fi
[ "$fail" = 0 ] && echo "ok: every package is real; install_missing installs nothing when all are installed"
exit "$fail"
