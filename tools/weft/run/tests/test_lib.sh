# Helpers shared by the shell-driven `run.*` tests (sourced, not run). The sourcing script sets
# `label` (what a failure names) and works in its own temporary directory.

# fail MESSAGE: prints the message and what the last command wrote, then ends the test.
fail() {
  echo "FAIL ($label): $*" >&2
  for f in out err; do [[ -f $f ]] && { echo "--- $f" >&2; head -c 6000 "$f" >&2; }; done
  exit 1
}
# expect_status WANT COMMAND...: runs it with stdout in ./out and stderr in ./err
expect_status() {
  local want=$1
  shift
  "$@" >out 2>err
  local got=$?
  [[ $got == "$want" ]] || fail "'$*' exited $got, expected $want"
}
# json FILE EXPR: evaluates a Python expression over the parsed report `r`.
json() { python3 -c "import json,sys; r=json.load(open('$1')); print(eval(sys.argv[1]))" "$2"; }
# same_report A B: two reports equal except started_at
same_report() {
  python3 - "$1" "$2" <<'PY' || fail "reports $1 and $2 differ"
import sys
a, b = (open(p).read() for p in sys.argv[1:3])
strip = lambda t: "\n".join(l for l in t.splitlines() if '"started_at"' not in l)
sys.exit(0 if strip(a) == strip(b) else 1)
PY
}
