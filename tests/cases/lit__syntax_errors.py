# Invalid literals and common syntax errors reported by compile(): message, line and offset.
sources = ["1__0", "0b2", "09", "0x", "1e", "'unterminated", '"""never closed', "b'é'", "1 +", "x = = 1",
           "def f(:", "f(a=1, 2)", "return 5", "break", "class", "(1, 2", "[1, 2)", "a b", "x := 1", "f(**k, *a)",
           "del f()", "1 = x", "None = 1", "def f(a, a): pass", "lambda: (yield)", "print 'x'", "if x\n  pass",
           "for x in y:\nz", "nonlocal q", "async = 1" if False else "import", "'\\N{NOT A NAME}'", "0o8", "1.2.3", "u'x' b'y'"]
for src in sources:
    try:
        compile(src, "<case>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), "->", type(e).__name__, repr(e.msg), e.lineno, e.offset)
