"""Record CPython 3.11's SyntaxError for each bad snippet into tests/syntax_errors.txt.

usage: python3 tools/record_syntax_errors.py
Only the parser runs (compile() with PyCF_ONLY_AST), so errors raised by CPython's symtable
or compiler are not recorded. One record per line, tab-separated:
snippet (escaped: \\n \\t \\f \\r \\\\), kind, msg, lineno, offset, end_lineno, end_offset.
"""
import ast
import os

SNIPPETS = [
    "f(1, 2\n",
    "x = [1, 2\n",
    "x = (1, 2,\n",
    "x = )\n",
    "foo(]\n",
    "x = {1: 2]\n",
    "x = 1 +\n",
    "if x\n    pass\n",
    "for x in range(10)\n    pass\n",
    "class A\n    pass\n",
    "while x\n    pass\n",
    "def f()\n    pass\n",
    "print 1\n",
    "print \"hello\"\n",
    "x = [1 2]\n",
    "f(a b)\n",
    "1 = x\n",
    "f() = 1\n",
    "x + 1 = 2\n",
    "if x = 1: pass\n",
    " x = 1\n",
    "pass\n  pass\n",
    "if x:\npass\n",
    "def f():\nreturn\n",
    "for x in y:\nz\n",
    "class C:\nx = 1\n",
    "if x:\n    a\n  b\n",
    "def f():\n    \x0cpass\n",
    "x = 'abc\n",
    "x = \"abc\n",
    "x = \"\"\"abc\n",
    "x = '''abc\ndef\n",
    "x = 1abc\n",
    "x = 0777\n",
    "x = 0b2\n",
    "x = 0x\n",
    "x = 1_\n",
    "x = 1e\n",
    "f\"{x\"\n",
    "f\"{}\"\n",
    "f\"{x!z}\"\n",
    "f\"{x}}\"\n",
    "f(a=1, 2)\n",
    "f(**k, *a)\n",
    "def f(a=1, b): pass\n",
    "lambda x=1, y: x\n",
    "f(x for x in y, 1)\n",
    "x = a \u20ac\n",
    "x = $\n",
    "x = a ? b\n",
    "a b\n",
    "del f()\n",
    "(a, b) += 1\n",
    "import a.b as\n",
    "from x import\n",
    "try:\n    pass\n",
    "try:\n    pass\nx = 1\n",
    "else: pass\n",
    "x = yield = 3\n",
    "a if b\n",
    "type X = int\n",
    "def f[T](): pass\n",
    "x =\n",
    "if x:\n\tpass\n        pass\n",
    "with a as 1: pass\n",
    "for 1 in x: pass\n",
    "[x for 1 in y]\n",
    "def f(*): pass\n",
    "def f(**k, a): pass\n",
    "True = 1\n",
    "x := 1\n",
    "import *\n",
    "x = (\n",
    ")\n",
    "def f(\n",
    "\"abc",
    "b\"\u00e9\"\n",
    "async = 1\n",
    "f(a, *)\n",
    "x = 1 if 2 else\n",
    "if True:\n    pass\n  else: pass\n",
    "a = 1 = 2\n",
    "x = [i for i in]\n",
    "def f(a, *, **k): pass\n",
    "class A(x for x in y): pass\n",
    "@\ndef f(): pass\n",
    "return x y\n",
    "x = {'a' 'b': 1, 'c' 2}\n",
    "obj.method(x,, y)\n",
    "def f(x y): pass\n",
]


def esc(s):
    return (s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
             .replace("\x0c", "\\f").replace("\r", "\\r"))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "tests", "syntax_errors.txt")
    lines = []
    for src in SNIPPETS:
        try:
            compile(src, "<test>", "exec", ast.PyCF_ONLY_AST)
        except SyntaxError as e:
            fields = [esc(src), type(e).__name__, esc(e.msg), e.lineno, e.offset,
                      e.end_lineno, e.end_offset]
            lines.append("\t".join(str(f) for f in fields))
        else:
            raise SystemExit("no SyntaxError from the parser for %r" % src)
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


main()
