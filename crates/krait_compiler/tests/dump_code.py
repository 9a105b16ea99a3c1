"""Dump CPython 3.11 code objects in the line format of tests/common/dump.rs.

Usage: python3 dump_code.py FILE...   (each file is compiled in 'exec' mode)
Output per file: '== FILE' then, for each code object (depth first, parent first),
'code QUALNAME' followed by one 'field value' line per field.
"""
import opcode
import struct
import sys

EXTENDED_ARG = opcode.opmap["EXTENDED_ARG"]
CACHES = opcode._inline_cache_entries


def const(c):
    t = type(c)
    if c is None:
        return "None"
    if c is Ellipsis:
        return "Ellipsis"
    if t is bool:
        return "True" if c else "False"
    if t is int:
        return "int:%d" % c
    if t is float:
        return "float:%016x" % struct.unpack("<Q", struct.pack("<d", c))[0]
    if t is complex:
        return "complex:%016x:%016x" % (
            struct.unpack("<Q", struct.pack("<d", c.real))[0],
            struct.unpack("<Q", struct.pack("<d", c.imag))[0],
        )
    if t is str:
        return "str:" + c.encode("utf-8", "surrogatepass").hex()
    if t is bytes:
        return "bytes:" + c.hex()
    if t is tuple:
        return "(" + ",".join(const(x) for x in c) + ")"
    if t is frozenset:
        return "frozenset(" + ",".join(sorted(const(x) for x in c)) + ")"
    if hasattr(c, "co_code"):
        return "code:" + c.co_qualname
    return "?" + repr(c)


def instrs(code):
    out = []
    ext = 0
    b = code.co_code
    i = 0
    while i < len(b):
        op, arg = b[i], b[i + 1]
        i += 2
        if op == EXTENDED_ARG:
            ext = (ext | arg) << 8
            continue
        full = ext | arg
        ext = 0
        name = opcode.opname[op]
        out.append(name + (" %d" % full if op >= opcode.HAVE_ARGUMENT else ""))
        i += 2 * CACHES[op]
    return out


def dump(code, lines):
    lines.append("code " + code.co_qualname)
    lines.append("argcount %d %d %d" % (code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount))
    lines.append("flags 0x%x" % code.co_flags)
    lines.append("stacksize %d" % code.co_stacksize)
    lines.append("firstlineno %d" % code.co_firstlineno)
    lines.append("names " + " ".join(code.co_names))
    lines.append("varnames " + " ".join(code.co_varnames))
    lines.append("cellvars " + " ".join(code.co_cellvars))
    lines.append("freevars " + " ".join(code.co_freevars))
    lines.append("consts " + " ".join(const(c) for c in code.co_consts))
    lines.append("instrs " + "; ".join(instrs(code)))
    lines.append("linetable " + code.co_linetable.hex())
    lines.append("exceptiontable " + code.co_exceptiontable.hex())
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            dump(c, lines)


def main():
    for path in sys.argv[1:]:
        lines = ["== " + path]
        try:
            with open(path, encoding="utf-8") as f:
                src = f.read()
        except (UnicodeDecodeError, OSError):
            lines.append("skip")
            print("\n".join(lines))
            continue
        try:
            dump(compile(src, path, "exec", dont_inherit=True), lines)
        except SyntaxError as e:
            lines.append("error %s: %s (line %s)" % (type(e).__name__, e.msg, e.lineno))
        except Exception as e:
            lines.append("error %s" % type(e).__name__)
        print("\n".join(lines))


main()
