#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (CTest). .ci/run calls exactly this.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${WEFT_BUILD_DIR:-$root/build}
"$root/tools/scripts/setup.sh"
cd "$build"
# CTest's own summary line ("100% tests passed, 0 tests failed out of N") closes the output.
ctest --output-on-failure -j"$(nproc)" --timeout 600
