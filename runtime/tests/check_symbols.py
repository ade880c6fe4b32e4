#!/usr/bin/env python3
"""Fails if the built runtime needs anything from libstdc++ at run time (synchronisation, iostream,
exceptions, guards for function-local statics, operator new/delete, pure virtuals): it is linked into C
programs and into programs whose locks it intercepts. Also fails if an interceptor of the shared library
is missing from the `weft_real` section that start-up resolves (interceptors/interceptor.h).
Usage: check_symbols.py libweft_rt.a libweft_rt.so"""
import re
import subprocess
import sys

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


def main():
    bad = []
    for lib in sys.argv[1:]:
        defined, undefined = symbols(lib, ["-D"] if lib.endswith(".so") else [])
        for s in sorted(undefined - defined):
            if BAD.match(s):
                bad.append("%s: %s" % (lib, s))
        if lib.endswith(".so"):
            bad += missing_resolvers(lib)
    if bad:
        print("the runtime references libstdc++ run-time symbols:\n  " + "\n  ".join(bad))
        return 1
    print("ok: no libstdc++ run-time references in", ", ".join(sys.argv[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
