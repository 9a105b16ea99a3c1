"""Compile source files with CPython 3.11 and marshal the code objects (for tools/parity).

Usage: python3 marshal_code.py OUTDIR < file-list   (one path per line)
For the i-th path (0-based) it writes OUTDIR/i.marshal (marshal.dumps of the module code
object, compiled in 'exec' mode with dont_inherit=True), or OUTDIR/i.error holding
"Kind: message (line N)" when the file does not compile or cannot be read as UTF-8.
Prints the total compile() time in seconds on stdout.
"""
import marshal
import os
import sys
import time


def main():
    out = sys.argv[1]
    total = 0.0
    for i, line in enumerate(sys.stdin.read().splitlines()):
        path = line
        try:
            with open(path, encoding="utf-8") as f:
                src = f.read()
            t0 = time.perf_counter()
            code = compile(src, path, "exec", dont_inherit=True)
            total += time.perf_counter() - t0
            data = marshal.dumps(code)
            name = "%d.marshal" % i
        except (SyntaxError, UnicodeDecodeError, OSError, ValueError) as e:
            line = getattr(e, "lineno", None)
            data = ("%s: %s (line %s)" % (type(e).__name__, getattr(e, "msg", e), line)).encode()
            name = "%d.error" % i
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    print("%.6f" % total)


main()
