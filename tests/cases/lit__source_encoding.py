#!/usr/bin/env python3
# -*- coding: latin-1 -*-
# PEP 263: this file is Latin-1; its string literals decode by the declaration.
import sys
sys.path.insert(0, "pkgs")
s = "café naïve ß"
print(s, len(s), ascii(s), s.encode("utf-8"))
import latin1_mod
print(latin1_mod.WORD, len(latin1_mod.WORD), latin1_mod.__doc__)
for src in [b"# coding: latin-1\nx = '\xe9t\xe9'\n", b"\xef\xbb\xbfx = 'bom'\n", b"#!python\n# vim: set fileencoding=utf-8 :\nx = '\xc3\xa9'\n",
            b"x = 1\n# coding: latin-1\nx = 'line 2 cookie ignored'\n", b"# coding=ascii\nx = 'ascii'\n"]:
    ns = {}
    exec(compile(src, "<bytes>", "exec"), ns)
    print(ascii(ns["x"]))
for src in [b"# coding: no-such-codec\nx = 1\n", b"\xef\xbb\xbf# coding: latin-1\nx = 1\n", b"# coding: ascii\nx = '\xe9'\n"]:
    try:
        compile(src, "f.py", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.args)
print(compile("# coding: latin-1\nx = 'é'", "s", "exec").co_consts[0] == "é")
