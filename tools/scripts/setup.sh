#!/usr/bin/env bash
# Installs what weft needs from Debian 12's packages (only what is missing), then builds.
# Idempotent: a second run installs nothing and only rebuilds what changed.
#
#   tools/scripts/setup.sh            install + configure + build (build/ by default)
#   WEFT_BUILD_DIR=out tools/scripts/setup.sh
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${WEFT_BUILD_DIR:-$root/build}

# Debian packages by name. clang-19/libclang-19-dev/llvm-19-dev: LibTooling and the symbolizer;
# clang/g++: the compilers the corpus is built with; python3-jsonschema: schema checks in tests.
packages=(
  cmake ninja-build g++ clang clang-19 libclang-19-dev llvm-19-dev
  nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev
  libtsan2 libclang-rt-dev python3 python3-jsonschema valgrind hyperfine
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "weft setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build"
