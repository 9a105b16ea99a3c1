"""Dump CPython's AST for many files at once (used by krait_syntax's tests).

usage: python3 ast_dump.py OUTDIR < paths
For the i-th path (0-based) of stdin, writes OUTDIR/i.txt with
ast.dump(ast.parse(source), include_attributes=True), or OUTDIR/i.err when CPython
cannot parse it (or it is not UTF-8). Sources are decoded as UTF-8 (a BOM is dropped).
"""
import ast
import os
import sys
import warnings

warnings.simplefilter("ignore")
out = sys.argv[1]
for i, line in enumerate(sys.stdin):
    path = line.rstrip("\n")
    try:
        with open(path, "rb") as f:
            src = f.read().decode("utf-8-sig")
        text = ast.dump(ast.parse(src, path), include_attributes=True)
        name = "%d.txt" % i
    except (SyntaxError, UnicodeDecodeError, ValueError, RecursionError, MemoryError) as e:
        text = "%s: %s" % (type(e).__name__, e)
        name = "%d.err" % i
    with open(os.path.join(out, name), "w", encoding="utf-8", errors="surrogatepass") as f:
        f.write(text)
