#!/usr/bin/env bash
# The compiler wrappers with a given real compiler: compile and link in one command, separately,
# C and C++, -c/-S/-E, and a user's own -fsanitize=thread at link time. The result must carry
# weft's runtime (it says hello on WEFT_EVENT_FD) and not ThreadSanitizer's.
# Usage: wrapper_test.sh CC CXX   (WEFT_CC_WRAPPER, WEFT_CXX_WRAPPER, SRC in the environment)
set -u
cc=$1 cxx=$2
: "${WEFT_CC_WRAPPER:?}" "${WEFT_CXX_WRAPPER:?}" "${SRC:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/weft-wrapper-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
export WEFT_CC=$cc WEFT_CXX=$cxx

fail() {
  echo "FAIL ($cxx): $*" >&2
  exit 1
}
check_binary() { # the program runs, speaks to the driver, and has no TSan runtime
  local bin=$1
  WEFT_EVENT_FD=3 "./$bin" >/dev/null 2>stderr 3>events || fail "$bin failed: $(cat stderr)"
  grep -q '^hello version=' events || fail "$bin did not load weft's runtime"
  ! ldd "$bin" | grep -q tsan || fail "$bin links ThreadSanitizer's runtime"
  nm "$bin" | grep -q ' T __tsan_read4$' || fail "$bin lacks weft's __tsan_read4"
}

# One command: compile and link.
"$WEFT_CXX_WRAPPER" -g -O1 "$SRC/many_threads.cpp" -o one || fail "compile+link"
check_binary one

# Separate compile and link; a user's -fsanitize=thread at link is dropped.
"$WEFT_CXX_WRAPPER" -g -O1 -c "$SRC/lost_update.cpp" -o lu.o || fail "compile only"
nm lu.o | grep -q __tsan_ || fail "object not instrumented"
"$WEFT_CXX_WRAPPER" -fsanitize=thread lu.o -o two || fail "link only"
WEFT_EVENT_FD=3 ./two >/dev/null 2>&1 3>events
grep -q '^hello version=' events || fail "link-only result did not load weft's runtime"

# C with weft-cc, two sources in one command (one via -x).
printf 'int helper(void) { return 0; }\n' >helper.txt
"$WEFT_CC_WRAPPER" -g -O1 "$SRC/wrapper_check.c" -x c helper.txt -x none -o three -lpthread ||
  fail "C compile+link with -x"
check_binary three

# A program that defines a function the runtime intercepts (its own `write`, as a custom allocator
# defines `free`) still links whole-archive: the interceptors are weak, the program's own wins.
cat >own_write.c <<'EOF'
#include <pthread.h>
#include <stddef.h>
#include <sys/types.h>
int own_write_calls;
ssize_t write(int fd, const void *buf, size_t n) { (void)fd, (void)buf; ++own_write_calls; return (ssize_t)n; }
static void *work(void *arg) { return arg; }
int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, work, NULL);
  pthread_join(t, NULL);
  write(1, "x", 1);
  return own_write_calls == 1 ? 0 : 1;
}
EOF
"$WEFT_CC_WRAPPER" -g -O1 own_write.c -o four -lpthread || fail "a program defining write() does not link"
./four || fail "the program's own write() was not the one called"

# -S and -E pass through with instrumentation on (for -S) and no link.
"$WEFT_CXX_WRAPPER" -O1 -S "$SRC/lost_update.cpp" -o lu.s || fail "-S"
grep -q __tsan_ lu.s || fail "-S output not instrumented"
"$WEFT_CXX_WRAPPER" -E "$SRC/lost_update.cpp" -o lu.ii || fail "-E"
[[ -s lu.ii ]] || fail "-E output empty"

# A shared library gets no runtime of its own.
printf 'int counter; void bump(void) { ++counter; }\n' >lib.c
"$WEFT_CC_WRAPPER" -fPIC -shared lib.c -o libbump.so || fail "-shared"
! nm -D libbump.so | grep -q ' T __tsan_init' || fail "the runtime was linked into a .so"

# A compile error is the compiler's, with its status.
printf 'int main( { }\n' >broken.cpp
"$WEFT_CXX_WRAPPER" broken.cpp -o broken 2>/dev/null && fail "a compile error was not reported"
echo "ok: wrappers with $cc / $cxx"
