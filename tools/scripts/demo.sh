#!/usr/bin/env bash
# The README's first command: installs what is missing, builds weft, then runs it end to end on the
# bundled example (examples/bank/bank.cpp): lint, run, replay. Prints what was found and where the
# reports are. weft exits 1 when it finds something, which is what this demo expects.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${WEFT_BUILD_DIR:-$root/build}
"$root/tools/scripts/setup.sh"

weft=$build/tools/weft/weft
out=$build/demo
example=$root/examples/bank/bank.cpp
rm -rf "$out" && mkdir -p "$out"

# Runs a weft command whose exit status 1 means "found something"; 2 is a real failure.
expect_findings() {
  local status=0
  "$@" || status=$?
  if [ "$status" -ge 2 ]; then
    echo "demo: '$*' failed with status $status" >&2
    exit "$status"
  fi
}

echo
echo "== weft lint: static analysis over a compilation database"
cat >"$out/compile_commands.json" <<JSON
[{"directory": "$root/examples/bank", "file": "$example",
  "command": "c++ -std=c++20 -pthread -c $example -o $out/bank.o"}]
JSON
cd "$root"
expect_findings "$weft" lint -p "$out" --format text
expect_findings "$weft" lint -p "$out" --format json -o "$out/lint.json"
expect_findings "$weft" lint -p "$out" --format sarif -o "$out/lint.sarif"

echo
echo "== weft run: explore interleavings of the instrumented program"
WEFT_CXX=clang++ "$build/bin/weft-c++" -std=c++20 -g -O1 -pthread "$example" -o "$out/bank"
expect_findings "$weft" run --seed 1 --iterations 200 -o "$out/run.json" -- "$out/bank"

echo
echo "== weft replay: the same interleaving, the same finding"
expect_findings "$weft" replay "$out/run.json" --finding 0 -o "$out/replay.json" -- "$out/bank"

"$weft" report "$out/lint.json" "$out/run.json" --format html -o "$out/report.html" || true

echo
echo "Reports:"
for f in lint.json lint.sarif run.json replay.json report.html; do
  [ -f "$out/$f" ] && echo "  $out/$f"
done
