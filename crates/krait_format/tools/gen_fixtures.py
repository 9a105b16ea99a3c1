#!/usr/bin/env python3
"""Records CPython's formatting and parsing behaviour as test fixtures for krait_format.

Usage (from anywhere): python3 crates/krait_format/tools/gen_fixtures.py
Writes crates/krait_format/tests/data/*.txt. Deterministic (fixed seeds), CPython 3.11 required.

Line format: tab-separated fields. Text fields are escaped: backslash, tab, newline and CR as
\\\\ \\t \\n \\r, other control or unprintable characters as \\u{HEX}. Floats are 16 hex digits
of their IEEE bits, ints are hexadecimal ("-ff"). A result is "=" + text, or "!" + exception name + ":" + message.
"""
import math
import os
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), "fixtures must be recorded with CPython 3.11"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data")


def esc(s):
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 32 or ord(ch) == 127 or (not ch.isprintable() and ch != " "):
            out.append("\\u{%x}" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def fbits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def bits_to_float(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def has_surrogate(s):
    return any(0xD800 <= ord(c) <= 0xDFFF for c in s)


def result(fn):
    try:
        r = fn()
    except Exception as e:  # noqa: BLE001 - any exception is part of the behaviour
        msg = str(e)
        if isinstance(e, KeyError):
            msg = repr(e.args[0])
        return "!" + type(e).__name__ + ":" + esc(msg)
    if has_surrogate(r):
        return None
    return "=" + esc(r)


def write(name, lines):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line + "\n")
    print("wrote %s (%d cases)" % (os.path.normpath(path), len(lines)))


def special_floats():
    vals = [0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 0.125, 0.375,
            2.675, 1e16, 1e15, 9999999999999998.0, 1e17, 1e-4, 1e-5, 0.0001, 0.00001234, 123456789012345.0,
            1.2345678901234567e19, 5e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
            1.7976931348623157e308, 1e300, 1e-300, 1e22, 1e23, 2 ** 53, 2 ** 53 + 2.0, 2 ** 63, 2 ** 64,
            0.3, 2 / 3, math.pi, math.e, 100.0, 1234.5, 1234567.891, 9.5, 0.05, 0.15, 0.25, 0.35,
            999999.5, 9.999999, 99.99, 0.999, 1e-7, 123.456, -123.456, 4.35, 1e100, 1.5e-10]
    for k in range(-30, 31):
        vals.append(10.0 ** k)
        vals.append(-(10.0 ** k) * 1.5)
    for k in range(-1074, 1024, 37):
        vals.append(2.0 ** k)
    return [float(v) for v in vals]


def random_float(rng):
    kind = rng.randrange(6)
    if kind == 0:
        while True:
            x = bits_to_float(rng.getrandbits(64))
            if not math.isnan(x):
                return x
    if kind == 1:
        return rng.uniform(-1000, 1000)
    if kind == 2:
        return round(rng.uniform(-100, 100), rng.randrange(0, 6))
    if kind == 3:
        return rng.uniform(-1, 1) * 10.0 ** rng.randrange(-20, 25)
    if kind == 4:
        return rng.randrange(-10 ** 6, 10 ** 6) + rng.choice([0.5, 0.25, 0.125, 0.0, 0.005, 0.05])
    return float(rng.randrange(-10 ** 18, 10 ** 18))


# ---------------------------------------------------------------- float repr

def gen_float_repr():
    rng = random.Random(1)
    vals = special_floats()
    for _ in range(6000):
        vals.append(bits_to_float(rng.getrandbits(64)))
    for _ in range(2000):
        vals.append(random_float(rng))
    # Neighbours of powers of ten and of two (shortest-digit boundaries).
    for k in range(-320, 309, 3):
        x = float("1e%d" % k)
        for y in (math.nextafter(x, 0), x, math.nextafter(x, math.inf)):
            vals.append(y)
    lines = []
    for v in vals:
        if math.isnan(v):
            lines.append("%s\t=nan" % fbits(v))
            continue
        assert repr(v) == str(v)
        lines.append("%s\t=%s" % (fbits(v), repr(v)))
    write("float_repr.txt", lines)


# ---------------------------------------------------------------- format specs

FILLS = ["", "", "", "*", "0", " ", "\u00e9", "\U0001F600", "=", "<"]
ALIGNS = ["", "", "<", ">", "=", "^"]


def random_spec(rng, types):
    parts = []
    fill = rng.choice(FILLS)
    align = rng.choice(ALIGNS)
    if fill and not align:
        align = rng.choice("<>=^")
    parts.append(fill + align)
    parts.append(rng.choice(["", "", "", "+", "-", " "]))
    if rng.random() < 0.15:
        parts.append("z")
    if rng.random() < 0.2:
        parts.append("#")
    if rng.random() < 0.2:
        parts.append("0")
    if rng.random() < 0.5:
        parts.append(str(rng.randrange(0, 30)))
    if rng.random() < 0.25:
        parts.append(rng.choice([",", "_", ",", "_", "_,", ",_"]))
    r = rng.random()
    if r < 0.45:
        parts.append("." + str(rng.randrange(0, 20)))
    elif r < 0.5:
        parts.append("." + str(rng.randrange(20, 70)))
    elif r < 0.52:
        parts.append(".")
    parts.append(rng.choice(types))
    return "".join(parts)


ERROR_SPECS = ["z", "zd", ",s", "_s", ",c", "_n", ",n", ".2", "+c", "#c", "1.", "99999999999999999999",
               ".99999999999999999999", ".3000000000", "\x01", "\u00e9", "_,", ",_", "__", ",,", "x_", "_x",
               "\u20ac", "d\x00", "\x00", ".0", "#", "=^5", "s", "<<<", "10.3.3", "0=", "0", "00", "-0",
               "\u0663", ".\u0662f", "\u0661\u0660", "+#z0,.3", "5%", ".3%", ",%", "_%", ",.2%", "=", "^", "j",
               "b", "o", "x", "X", "c", "d", "n", "e", "E", "f", "F", "g", "G", "%", " ", "+", "-", "z.2f",
               "#_b", "#_o", "#_x", "#_X", "#,x", "#,d", "010_b", "012_x", "015,d", "015_d", "=+10_x",
               ".1g", ".0g", ".0e", ".0f", "#.0f", "#.0e", "#.0g", "#g", "#.3g", ".17g", ".16g", ".30g",
               ".60f", ".100e", "z", "z.0f", "z.1f", "z.3e", "z.3g", "z%", " z.2", "+z.2", "#.5", "#.0",
               ".0%", "#.0%", "020,.3f", "020_.3e", "<020,.3f", "^020,.3f", ">020,.3f"]

INT_TYPES = list("bcdoxXn") + list("eEfFgG%") + ["", "", "", "s", "y", "j"]
FLOAT_TYPES = list("eEfFgGn%") + ["", "", "", "d", "x", "s", "j"]
COMPLEX_TYPES = list("eEfFgGn") + ["", "", "", "%", "d"]
STR_TYPES = ["s", "", "", "", "d", "x"]


def special_ints():
    vals = [0, 1, -1, 7, -7, 10, 65, 255, -255, 1000, -1000, 1234567, -1234567, 0x10FFFF, 0x110000,
            0x1F600, 0xE9, 127, 128, 2 ** 31, 2 ** 32, 2 ** 53 + 1, 2 ** 63 - 1, 2 ** 63, -2 ** 63, -2 ** 63 - 1,
            2 ** 64, 10 ** 20, -10 ** 20, 10 ** 50 + 1, 2 ** 100, 2 ** 1023, 2 ** 1024, -2 ** 1024,
            2 ** 54 + 6, 2 ** 54 + 2, 2 ** 55 + 12, 2 ** 200 + 2 ** 147, 10 ** 308, 10 ** 309]
    for k in range(0, 70, 3):
        vals.append(2 ** k - 1)
        vals.append(-(10 ** k) + 1)
    return vals


def random_int(rng):
    k = rng.choice([4, 8, 16, 32, 64, 100, 300])
    v = rng.getrandbits(k)
    return -v if rng.random() < 0.4 else v


def gen_format_int():
    rng = random.Random(2)
    vals = special_ints()
    lines = []

    def add(v, spec):
        r = result(lambda: format(v, spec))
        if r is not None:
            lines.append("%x\t%s\t%s" % (v, esc(spec), r))

    for v in vals:
        for spec in ["", "d", "x", "#b", ",", "_", "c", "e", ".3f", "%", "n", "#X", "010", "+", " "]:
            add(v, spec)
    for spec in ERROR_SPECS:
        add(rng.choice(vals), spec)
        add(65, spec)
    for _ in range(7000):
        v = rng.choice(vals) if rng.random() < 0.3 else random_int(rng)
        spec = random_spec(rng, INT_TYPES)
        if "c" in spec and rng.random() < 0.7:
            v = rng.choice([65, 0xE9, 0x1F600, 0, 0x10FFFF, 0x110000, -1, 48])
        add(v, spec)
    # int/str digit limit: str() and decimal format of very long ints.
    for v in [10 ** 4299, 10 ** 4300 - 1, 10 ** 4300, -10 ** 4300, 10 ** 5000, 2 ** 20000]:
        for spec in ["", "d", ",", "x", "n", "020"]:
            add(v, spec)
    write("format_int.txt", lines)


def gen_format_float():
    rng = random.Random(3)
    vals = special_floats()
    lines = []

    def add(v, spec):
        r = result(lambda: format(v, spec))
        if r is not None:
            lines.append("%s\t%s\t%s" % (fbits(v), esc(spec), r))

    for v in vals:
        for spec in ["", "e", "f", "g", "E", "F", "G", "%", "n", ".3", ".0", ".1e", ".2f", ".3g", ".17g",
                     "#", "#.0f", "z.1f", ",", "_.2f", "+", " ", "010", "<12", "^12", "*=12", ".20e", ".30f"]:
            add(v, spec)
    for spec in ERROR_SPECS:
        add(rng.choice(vals), spec)
        add(-1.25, spec)
    for _ in range(9000):
        v = rng.choice(vals) if rng.random() < 0.3 else random_float(rng)
        add(v, random_spec(rng, FLOAT_TYPES))
    write("format_float.txt", lines)


def gen_format_complex():
    rng = random.Random(4)
    fvals = [0.0, -0.0, 1.0, -1.0, 1.5, -2.25, math.inf, -math.inf, math.nan, 1e16, 1e-5, 1234.5678, 0.1, 1e300]
    lines = []

    def add(re, im, spec):
        r = result(lambda: format(complex(re, im), spec))
        if r is not None:
            lines.append("%s\t%s\t%s\t%s" % (fbits(re), fbits(im), esc(spec), r))

    for re in fvals:
        for im in fvals:
            for spec in ["", ".3", "g", "e", "+.2f", ",", "z", "^30", "z.1f", "#"]:
                add(re, im, spec)
    for spec in ERROR_SPECS:
        add(1.5, -2.5, spec)
    for _ in range(3000):
        re = rng.choice(fvals) if rng.random() < 0.3 else random_float(rng)
        im = rng.choice(fvals) if rng.random() < 0.3 else random_float(rng)
        add(re, im, random_spec(rng, COMPLEX_TYPES))
    write("format_complex.txt", lines)


def gen_format_str():
    rng = random.Random(5)
    svals = ["", "a", "abc", "hello world", "\u00e9t\u00e9", "\U0001F600x", "tab\there", "1234567890" * 3]
    lines = []

    def add(s, spec):
        r = result(lambda: format(s, spec))
        if r is not None:
            lines.append("%s\t%s\t%s" % (esc(s), esc(spec), r))

    for s in svals:
        for spec in ["", "s", "10", "<10", ">10", "^10", "*^11", ".2", "10.2", ".0", "05", "0<5", "=5", "+",
                     " ", "z", "#", ",", "_", "d", "x"]:
            add(s, spec)
    for spec in ERROR_SPECS:
        add("abc", spec)
    for _ in range(2500):
        add(rng.choice(svals), random_spec(rng, STR_TYPES))
    write("format_str.txt", lines)


# ---------------------------------------------------------------- printf-style

PCT_CONVS = list("diouxXeEfFgGcrsa") + ["d", "f", "x", "s"]


def random_percent_spec(rng):
    s = "%"
    if rng.random() < 0.15:
        s += "(k)"
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
        s += rng.choice("-+ #0")
    stars = 0
    r = rng.random()
    if r < 0.4:
        s += str(rng.randrange(0, 25))
    elif r < 0.5:
        s += "*"
        stars += 1
    r = rng.random()
    if r < 0.35:
        s += "." + str(rng.randrange(0, 20))
    elif r < 0.4:
        s += "."
    elif r < 0.45:
        s += ".*"
        stars += 1
    if rng.random() < 0.05:
        s += rng.choice("hlL")
    s += rng.choice(PCT_CONVS)
    return s, stars


def random_percent_value(rng, conv):
    if conv in "doiuxXc" and rng.random() < 0.8:
        if conv == "c":
            return rng.choice([65, 0xE9, 0x1F600, 0x110000, -1, "a", "\u00e9", "ab"])
        return rng.choice([0, 1, -1, 255, -255, 8, 2 ** 70, -(2 ** 70), random_int(rng)])
    if conv in "eEfFgG" and rng.random() < 0.8:
        return rng.choice([0.0, -0.0, math.inf, -math.inf, math.nan, 1.5, -2.5, 0.1, 1e16, 1e-5, 3, -7,
                           random_float(rng)])
    return rng.choice([0, 42, -42, 1.5, -0.0, 1e100, "abc", "", "\u00e9t\u00e9", "x" * 12, math.nan,
                       random_float(rng), random_int(rng)])


def encode_arg(v):
    if isinstance(v, bool):
        raise TypeError
    if isinstance(v, int):
        return "i%x" % v
    if isinstance(v, float):
        return "f" + fbits(v)
    return "s" + esc(v)


def gen_percent():
    rng = random.Random(6)
    lines = []

    def add(fmt, args):
        # Only ASCII-printable strings without quotes/backslashes for %r/%a, whose repr the test
        # driver rebuilds; ints and floats have repr == str == ascii.
        r = result(lambda: fmt % args)
        if r is None:
            return
        items = args if isinstance(args, tuple) else (args,)
        if isinstance(args, dict):
            items = (args["k"],)
            fmt_field = "D" + esc(fmt)
        else:
            fmt_field = ("T" if isinstance(args, tuple) else "V") + esc(fmt)
        lines.append("\t".join([fmt_field, r] + [encode_arg(a) for a in items]))

    fixed = [("%5%", ()), ("%-5%", ()), ("%y", ()), ("%y", 1), ("%(a)", {"k": 1}), ("%*", ()), ("%.", 1),
             ("%5.2hhd", 1), ("%ld", 1), ("%#o", 8), ("%#x", -255), ("%#5X", 255), ("%#05x", 255), ("%-#8o", 8),
             ("%+05d", -3), ("% d", 3), ("%.5d", -3), ("%#.5x", 3), ("%c", 65), ("%c", "a"), ("%5c", 65),
             ("%05c", 65), ("%+c", 65), ("%.3s", "abcdef"), ("%05s", "ab"), ("%+s", "ab"), ("%e", 0), ("%g", 1e-5),
             ("%#g", 1.0), ("%#.0f", 1.0), ("%#.0e", 1.0), ("%010.3e", -1.5), ("%-010.3f", 1.5), ("%+.0f", 0.5),
             ("%F", math.inf), ("%010f", -math.inf), ("%010f", math.nan), ("% f", math.nan), ("%r", 1),
             ("%.1r", 7), ("%i", 3.7), ("%d", -3.7), ("%*.*f", (8, 2, 3.14159)), ("%-*d", (-5, 1)),
             ("%.*f", (-3, 1.5)), ("%\x01", 1), ("%\u00e9", 1), ("%5Ld", 1), ("%u", -5), ("%X", 255),
             ("%#X", -255), ("%.0e", 12345.0), ("%#.3g", 0.0001), ("%.3g", 1e100), ("%%", ()), ("a%%b%d", 5),
             ("%s %s", (1, 2)), ("%d", "x"), ("%f", "x"), ("%c", 2.5), ("%.60f", 0.1), ("%f", 1e300),
             ("%5.1f", 3.14159), ("%x", 2 ** 100), ("%o", -8), ("%#o", 0), ("%#x", 0), ("%.0d", 0),
             ("%.0x", 0), ("%#.0o", 0), ("%c", 0x110000), ("%c", -1), ("%s", "\U0001F600"), ("%5s", "\u00e9"),
             ("%-5s|", "ab"), ("%.0s|", "ab"), ("%g", 123456789.0), ("%G", 1e-10), ("%#G", 1e-10),
             ("%e", 1e-300), ("%.20e", 0.1), ("%+e", math.nan), ("% e", math.inf), ("%#.0g", 0.0),
             ("%d %", 1), ("%(k)d", {"k": 5}), ("%(k)s", {"k": "v"}), ("%(k)*d", {"k": 5}), ("%", ()),
             ("abc", ()), ("%d%d", 1), ("%d", (1, 2)), ("%.3d", 2 ** 64), ("%+x", 255), ("% o", 8),
             ("%-08.3f", -1.5), ("%0-8d", 5), ("%08.3e", math.inf), ("%+08d", 0), ("%20.10g", 1 / 3)]
    for fmt, args in fixed:
        add(fmt, args)
    for _ in range(6000):
        spec, stars = random_percent_spec(rng)
        conv = spec[-1]
        value = random_percent_value(rng, conv)
        if conv in "ra" and isinstance(value, str) and not value.isascii():
            value = "abc"
        if "(k)" in spec:
            if stars:
                continue
            add("<" + spec + ">", {"k": value})
            continue
        star_args = tuple(rng.choice([0, 3, 12, -7, -1]) for _ in range(stars))
        args = star_args + (value,)
        if len(args) == 1 and rng.random() < 0.5:
            add("<" + spec + ">", value)
        else:
            add("<" + spec + ">", args)
    write("percent.txt", lines)


# ---------------------------------------------------------------- parsing

def gen_parse_float():
    rng = random.Random(7)
    texts = ["0", "1", "-1", "+1.5", " 1.5 ", "\t2.5\n", "1e5", "1E5", "1e+5", "1e-5", "1e", "e5", ".5", "5.",
             ".", "", " ", "inf", "-inf", "+inf", "INF", "Infinity", "-iNfInItY", "infinit", "nan", "-nan",
             "+NaN", "nan(1)", "0x10", "1_000", "1__000", "_1", "1_", "1_.5", "1._5", "1.5_5", "1e1_0",
             "1e_10", "1_e10", "١٢٣", "١.٥", "\u2003 3.5\u3000", "1.5x", "- 1", "--1", "+-1", "1e400",
             "-1e400", "1e-400", "2.5e-324", "2.4703282292062328e-324", "2.4703282292062327e-324",
             "0.1", "0." + "0" * 400 + "1", "1" * 400, "9007199254740993", "4.35", "123456789e-20",
             "1.7976931348623157e308", "1.7976931348623159e308", "00012", "0_0", "1\x00", "\x0c1\x0b",
             "\x1c1\x1f", "\x851\xa0", "in", "na", "infinityy", "1.5e+", "1.5e-", "1.5E+03", "0e0", "-0",
             "-0.0", "+0e-5", "1__", "3.14_15", "3_.14", "1e1__0", "１２", "nan_", "in_f", "9" * 30 + "e-30"]
    for _ in range(2000):
        x = random_float(rng)
        r = rng.random()
        if r < 0.4:
            texts.append(repr(x))
        elif r < 0.6:
            texts.append("%.*e" % (rng.randrange(0, 25), x))
        elif r < 0.8:
            texts.append("%.*g" % (rng.randrange(1, 25), x))
        else:
            digits = "".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 40)))
            point = rng.randrange(0, len(digits) + 1)
            texts.append(digits[:point] + "." + digits[point:] + "e%d" % rng.randrange(-330, 310))
    lines = []
    for t in texts:
        try:
            v = float(t)
            r = "=" + fbits(v) if not math.isnan(v) else "=nan"
        except ValueError:
            r = "!"
        lines.append("%s\t%s" % (esc(t), r))
    write("parse_float.txt", lines)


def gen_parse_int():
    rng = random.Random(8)
    cases = []
    texts = ["0", "1", "-1", "+1", " 12 ", "\t-12\n", "1_000", "1__000", "_1", "1_", "0x1f", "0X1F", "0o17",
             "0b101", "0x_1f", "0x__1f", "0_0", "00", "010", "0_1", "-0x10", "- 1", "--1", "", " ", "12a",
             "z", "Z", "zz", "١٢٣", "\u2003 42\u3000", "0b", "0x", "0o", "0b2", "0o8", "1e5", "1.0", "12\x00",
             "\x0c7\x0b", "\x1c7\x1f", "\x857\xa0", "123456789012345678901234567890", "-0", "+0", "0x",
             "0b_1", "0b1_", "1_2_3", "9" * 50, "f" * 40, "١_٢", "１２"]
    for t in texts:
        for base in [0, 2, 8, 10, 16, 36, 3, 7]:
            cases.append((t, base))
    for _ in range(2000):
        base = rng.choice([0, 0, 2, 8, 10, 10, 16, 36, rng.randrange(2, 37)])
        v = random_int(rng)
        if base in (0, 10):
            t = str(v)
        elif base in (2, 8, 16):
            t = {2: bin, 8: oct, 16: hex}[base](v)
            if rng.random() < 0.5:
                t = t.replace("0b", "").replace("0o", "").replace("0x", "")
        else:
            digits = "0123456789abcdefghijklmnopqrstuvwxyz"[:base]
            t = "".join(rng.choice(digits) for _ in range(rng.randrange(1, 30)))
        if rng.random() < 0.2 and len(t) > 2:
            i = rng.randrange(1, len(t))
            t = t[:i] + rng.choice(["_", "__", " ", "x", "9", "Z"]) + t[i:]
        cases.append((t, base))
    # The int/str digit limit (default 4300 digits, only for non-power-of-two bases).
    for t in ["1" * 4300, "1" * 4301, "-" + "1" * 4301, "1" * 4301 + "x", "1_" * 4300 + "1", "0" * 4301,
              "1" * 5000, "1__" + "1" * 5000, "1" * 5000 + "_"]:
        for base in [10, 16, 0, 7]:
            cases.append((t, base))
    lines = []
    for t, base in cases:
        try:
            v = int(t, base)
            r = "=%x" % v
        except ValueError as e:
            r = "!" + esc(str(e)) if "Exceeds" in str(e) else "!"
        lines.append("%s\t%d\t%s" % (esc(t), base, r))
    write("parse_int.txt", lines)


# ---------------------------------------------------------------- str.format

SEP_ITEM = "\x1f"
SEP_PART = "\x1e"


def opt(v):
    if v is None:
        return "N"
    if isinstance(v, int):
        return "I%d" % v
    return "S" + esc(v)


def gen_str_format():
    import _string
    rng = random.Random(9)
    lines = []
    pieces = ["a", "bc", "{", "}", "{{", "}}", "{0}", "{}", "{x}", "{!r}", "{0!s:>5}", ":", "!", "[", "]",
              ".", "0", "{:{}}", "{0[a]}", "{a.b}", "{!", "{:", "\u00e9", "{0!x}", "{!rr}", "{0[}", "{:{:{}}}"]
    texts = ["", "abc", "{!}", "a{{b}}c", "{0!r:>{1}}", "{a[}", "{", "}", "x}y", "{0", "{!r", "{!rx}",
             "{:{:{}}}", "{0[}]}", "{a{b}", "{:}", "{}", "{!\u00e9}", "{0:{1:{2}}}"]
    for _ in range(1500):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randrange(1, 6))))
    for t in texts:
        try:
            items = list(_string.formatter_parser(t))
            r = "=" + SEP_ITEM.join(SEP_PART.join(opt(p) for p in item) for item in items)
        except ValueError as e:
            r = "!ValueError:" + esc(str(e))
        lines.append("P%s\t%s" % (esc(t), r))
    names = ["", "0", "a.b[c][0]", "a.", "a[", "a[]", "a]x", "0x", "99999999999999999999",
             "a[99999999999999999999]", "a[x]y", "\u0661", "a[0].b", "a..b", "[0]", ".a", "a[b.c]", "a[[]]",
             "0[1][2]", "x.y.z", "a[\u0662]"]
    for _ in range(300):
        names.append("".join(rng.choice(["a", "0", "1", ".", "[", "]", "b", "x"]) for _ in range(rng.randrange(1, 8))))
    for n in names:
        try:
            first, rest = _string.formatter_field_name_split(n)
            parts = [opt(first)]
            for is_attr, key in rest:
                parts.append(("A" + esc(key)) if is_attr else opt(key))
            r = "=" + SEP_ITEM.join(parts)
        except ValueError as e:
            r = "!ValueError:" + esc(str(e))
        lines.append("N%s\t%s" % (esc(n), r))
    # Whole str.format calls with positional args only (fields: auto, 0-2, missing ones).
    fields = ["", "", "", "", "0", "1", "2", "0", "1", "5", "x"]
    convs = ["", "", "", "", "", "!r", "!s", "!a", "!r", "!x"]
    for n in range(3000):
        clean = n % 2 == 0
        args = tuple(rng.choice([0, 42, -7, 1.5, -0.0, 1e100, "abc", "", "x" * 5, 255, 3.25])
                     for _ in range(3))
        manual = rng.random() < 0.5
        out = []
        for _ in range(rng.randrange(1, 4)):
            out.append(rng.choice(["", "a", " - ", "{{", "}}"]))
            if clean:
                name = rng.choice(["0", "1", "2"]) if manual else ""
                conv = rng.choice(["", "", "!r", "!s", "!a"])
                r = rng.random()
                if r < 0.5:
                    spec = ":" + random_spec(rng, [""])
                    spec = spec.replace("z", "").replace("#", "").replace(",", "").replace("_", "")
                elif r < 0.6:
                    spec = ":{%s}" % (rng.choice(["0", "1", "2"]) if manual else "")
                else:
                    spec = ""
                out.append("{" + name + conv + spec + "}")
                continue
            spec = ""
            r = rng.random()
            if r < 0.5:
                spec = ":" + random_spec(rng, ["", "", "d", "x", "f", "e", "s", "g", "%"])
            elif r < 0.6:
                spec = ":{" + rng.choice(fields) + "}"
            elif r < 0.65:
                spec = ":>{" + rng.choice(fields) + "}.{" + rng.choice(fields) + "}"
            elif r < 0.67:
                spec = ":{:{}}"
            body = rng.choice(fields) + rng.choice(convs) + spec
            out.append("{" + body.replace("{{", "").replace("}}", "") + "}")
        fmt = "".join(out)
        r = result(lambda: fmt.format(*args))
        if r is not None:
            lines.append("\t".join(["F" + esc(fmt), r] + [encode_arg(a) for a in args]))
    write("str_format.txt", lines)


def main():
    os.makedirs(OUT, exist_ok=True)
    gen_float_repr()
    gen_format_int()
    gen_format_float()
    gen_format_complex()
    gen_format_str()
    gen_percent()
    gen_str_format()
    gen_parse_float()
    gen_parse_int()


if __name__ == "__main__":
    main()
