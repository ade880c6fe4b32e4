#!/bin/sh
# Measures libweft_rt (the numbers in docs/runtime-internals.md): one controlled run of a small program
# against the native build and ThreadSanitizer, and the cost of a scheduling point without and with a
# switch. Usage: runtime/tests/measure.sh BUILD_DIR   (after building weft_rt)
set -e
here=$(cd "$(dirname "$0")" && pwd)
rt=$1/runtime/libweft_rt.a
out=$(mktemp -d)
cxx=${CXX:-g++}
for p in workload sched_bench; do
  $cxx -std=c++20 -O1 -g "$here/programs/$p.cpp" -o "$out/${p}_native" -lpthread
  $cxx -std=c++20 -O1 -g -fsanitize=thread "$here/programs/$p.cpp" -o "$out/${p}_tsan"
  $cxx -std=c++20 -O1 -g -fsanitize=thread -c "$here/programs/$p.cpp" -o "$out/$p.o"
  $cxx "$out/$p.o" -o "$out/${p}_weft" -Wl,--whole-archive "$rt" -Wl,--no-whole-archive -ldl -lpthread
done
best() { # best CPU time (user+sys) of 5 runs, in ms (CPU, not wall: the build machines are shared)
  b=""
  for i in 1 2 3 4 5; do
    /usr/bin/time -f "%U %S" -o "$out/time" "$@" > /dev/null 2>&1 || true
    t=$(tail -1 "$out/time" | awk '{printf "%d", ($1 + $2) * 1000}')
    if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
  done
  echo "$b"
}
n=$(best "$out/workload_native"); t=$(best "$out/workload_tsan")
w=$(WEFT_QUIET=1 WEFT_STRATEGY=random WEFT_SEED=1 best "$out/workload_weft")
p=$(WEFT_QUIET=1 WEFT_STRATEGY=pct WEFT_SEED=1 best "$out/workload_weft")
echo "workload (4 threads, 8000 lock/unlock, ~512k plain accesses), best of 5, CPU ms (10 ms resolution):"
echo "  native ${n} ms   tsan ${t} ms   weft random ${w} ms   weft pct ${p} ms"
echo "sched_bench native:";        "$out/sched_bench_native" 2000000 | sed 's/^/  /'
echo "sched_bench tsan:";          "$out/sched_bench_tsan" 2000000 | sed 's/^/  /'
echo "sched_bench weft (pct):";    WEFT_STRATEGY=pct "$out/sched_bench_weft" 2000000 | sed 's/^/  /'
echo "sched_bench weft (random):"; WEFT_STRATEGY=random "$out/sched_bench_weft" 2000000 | sed 's/^/  /'
rm -rf "$out"
