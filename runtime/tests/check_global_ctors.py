#!/usr/bin/env python3
"""Compiles every runtime source with clang's -Wglobal-constructors -Wexit-time-destructors as errors
(g++ has no such warning): the runtime runs before and after the program's own constructors and must
have no dynamic initialisation. Usage: check_global_ctors.py CLANGXX RUNTIME_DIR SOURCES..."""
import subprocess
import sys


def main():
    clang, root, sources = sys.argv[1], sys.argv[2], sys.argv[3:]
    failed = 0
    for src in sources:
        cmd = [clang, "-std=c++20", "-fsyntax-only", "-fno-exceptions", "-fno-rtti", "-mcx16",
               "-I" + root, "-I" + root + "/include", "-Werror=global-constructors",
               "-Werror=exit-time-destructors", src]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            failed += 1
            print(r.stderr)
    print("%d of %d files failed" % (failed, len(sources)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
