#!/usr/bin/env python3
"""Fails if the built runtime needs anything from libstdc++ at run time (synchronisation, iostream,
exceptions, guards for function-local statics, operator new/delete, pure virtuals): it is linked into C
programs and into programs whose locks it intercepts. Also fails if an interceptor of the shared library
is missing from the `weft_real` section that start-up resolves (interceptors/interceptor.h), or if
a function of TSan's annotation interface (ANNOTATIONS) is not defined.
Usage: check_symbols.py libweft_rt.a libweft_rt.so

With --hooks, fails naming every __tsan_* function that COMPILER's -fsanitize=thread objects of SOURCE
reference (at -O0/-O1/-O2, with and without the flags that turn on optional hooks) and a library does
not define; exits 77 (CTest's skip) when the compiler is not installed.
Usage: check_symbols.py --hooks COMPILER SOURCE libweft_rt.a libweft_rt.so"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

BAD = re.compile(r"^(_Z.*|__cxa_guard_.*|__cxa_pure_virtual|__cxa_throw|__cxa_begin_catch|"
                 r"__gxx_personality_v0|_Unwind_Resume|__cxa_atexit)$")


def symbols(path, flags):
    out = subprocess.run(["nm"] + flags + [path], capture_output=True, text=True, check=True).stdout
    defined, undefined = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("U", "w"):
            undefined.add(parts[1].split("@")[0])
        elif len(parts) == 3:
            defined.add(parts[2].split("@")[0])
    return defined, undefined


def missing_resolvers(lib):
    """Every weft::real::<name>_resolve function has an entry in the weft_real section."""
    out = subprocess.run(["nm", "-C", lib], capture_output=True, text=True, check=True).stdout
    resolvers = {line.split()[-1] for line in out.splitlines() if re.search(r"weft::real::\w+_resolve\(\)", line)}
    headers = subprocess.run(["objdump", "-h", lib], capture_output=True, text=True, check=True).stdout
    entries = 0
    for line in headers.splitlines():
        parts = line.split()
        if len(parts) > 2 and parts[1] == "weft_real":
            entries = int(parts[2], 16) // 8
    if len(resolvers) < 20 or entries != len(resolvers):
        return ["%s: %d interceptor resolvers but %d weft_real entries" % (lib, len(resolvers), entries)]
    return []


SKIP = 77

# TSan's annotation interface (sanitizer/tsan_interface.h and tsan_interface_ann.cpp's dynamic
# annotations): code that describes its own synchronisation calls these, so the runtime must
# export every one of them (interface/tsan_annotations.cpp, tsan_mutex_annotations.cpp).
ANNOTATIONS = (
    "__tsan_acquire", "__tsan_release",
    "__tsan_mutex_create", "__tsan_mutex_destroy", "__tsan_mutex_pre_lock", "__tsan_mutex_post_lock",
    "__tsan_mutex_pre_unlock", "__tsan_mutex_post_unlock", "__tsan_mutex_pre_signal",
    "__tsan_mutex_post_signal", "__tsan_mutex_pre_divert", "__tsan_mutex_post_divert",
    "__tsan_ignore_thread_begin", "__tsan_ignore_thread_end",
    "AnnotateHappensBefore", "AnnotateHappensAfter",
    "AnnotateRWLockCreate", "AnnotateRWLockCreateStatic", "AnnotateRWLockDestroy",
    "AnnotateRWLockAcquired", "AnnotateRWLockReleased",
    "AnnotateBenignRaceSized", "AnnotateBenignRace", "WTFAnnotateBenignRaceSized",
    "AnnotateIgnoreReadsBegin", "AnnotateIgnoreReadsEnd", "AnnotateIgnoreWritesBegin",
    "AnnotateIgnoreWritesEnd",
)


def flag_sets(compiler):
    """Compile flag sets that together make the compiler emit every hook it can for a source."""
    version = subprocess.run([compiler, "--version"], capture_output=True, text=True).stdout
    if "clang" in version:
        optional = ["-mllvm", "-tsan-distinguish-volatile=1", "-mllvm", "-tsan-compound-read-before-write=1"]
    else:
        optional = ["--param=tsan-distinguish-volatile=1"]
    sets = []
    for opt in ("-O0", "-O1", "-O2"):
        sets += [[opt], [opt] + optional]
    return sets + [["-O2", "-mcx16"]], version.splitlines()[0]


def compiler_hooks(compiler, source):
    """The __tsan_* functions the objects COMPILER makes of SOURCE reference."""
    hooks = set()
    sets, version = flag_sets(compiler)
    with tempfile.TemporaryDirectory() as d:
        obj = os.path.join(d, "hooks.o")
        for flags in sets:
            cmd = [compiler, "-std=c++20", "-w", "-fsanitize=thread", "-c", source, "-o", obj] + flags
            subprocess.run(cmd, check=True)
            hooks |= {s for s in symbols(obj, [])[1] if s.startswith("__tsan_")}
    return hooks, version


def check_hooks(compiler, source, libs):
    if shutil.which(compiler) is None:
        print("SKIP: %s is not installed, so its hooks are not checked" % compiler)
        return SKIP
    hooks, version = compiler_hooks(compiler, source)
    bad = []
    for lib in libs:
        defined = symbols(lib, ["-D"] if lib.endswith(".so") else [])[0]
        bad += ["%s: %s" % (lib, h) for h in sorted(hooks - defined)]
    if bad:
        print("%s (%s) emits hooks the runtime does not define:\n  %s" % (compiler, version, "\n  ".join(bad)))
        return 1
    print("ok: the %d __tsan_* hooks %s (%s) emits for %s are defined" % (len(hooks), compiler, version,
                                                                         os.path.basename(source)))
    return 0


def main():
    if sys.argv[1] == "--hooks":
        return check_hooks(sys.argv[2], sys.argv[3], sys.argv[4:])
    bad = []
    for lib in sys.argv[1:]:
        defined, undefined = symbols(lib, ["-D"] if lib.endswith(".so") else [])
        for s in sorted(undefined - defined):
            if BAD.match(s):
                bad.append("%s: %s" % (lib, s))
        if lib.endswith(".so"):
            bad += missing_resolvers(lib)
        bad += ["%s: annotation %s is not defined" % (lib, a) for a in ANNOTATIONS if a not in defined]
    if bad:
        print("the runtime references libstdc++ run-time symbols or lacks a symbol it must define:\n  " +
              "\n  ".join(bad))
        return 1
    print("ok: no libstdc++ run-time references and every annotation defined in", ", ".join(sys.argv[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
