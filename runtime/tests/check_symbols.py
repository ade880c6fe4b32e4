#!/usr/bin/env python3
"""Fails if the built runtime needs anything from libstdc++ at run time (synchronisation, iostream,
exceptions, guards for function-local statics, operator new/delete, pure virtuals): it is linked into C
programs and into programs whose locks it intercepts. Usage: check_symbols.py libweft_rt.a libweft_rt.so"""
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


def main():
    bad = []
    for lib in sys.argv[1:]:
        defined, undefined = symbols(lib, ["-D"] if lib.endswith(".so") else [])
        for s in sorted(undefined - defined):
            if BAD.match(s):
                bad.append("%s: %s" % (lib, s))
    if bad:
        print("the runtime references libstdc++ run-time symbols:\n  " + "\n  ".join(bad))
        return 1
    print("ok: no libstdc++ run-time references in", ", ".join(sys.argv[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
