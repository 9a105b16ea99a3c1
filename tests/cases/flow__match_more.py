# match: mapping, sequence, class, literal, value and guard patterns.
import math
class Color:
    RED = "red"
    GREEN = "green"
def describe(x):
    match x:
        case {"type": "circle", "r": r} if r > 0:
            return f"circle area {math.pi * r * r:.2f}"
        case {"type": "rect", "w": w, "h": h}:
            return f"rect {w}x{h}"
        case {"type": t}:
            return f"unknown shape {t}"
        case [int(a), int(b), *_] if a == b:
            return "starts with equal ints"
        case [str(), *rest]:
            return f"str then {len(rest)}"
        case (0, y) | (y, 0):
            return f"axis {y}"
        case Color.RED:
            return "the red constant"
        case float(f) if math.isnan(f):
            return "nan"
        case bool(b):
            return f"bool {b}"
        case int() | float() as num:
            return f"number {num}"
        case "a" | "b" | "c":
            return "letter"
        case b"bytes":
            return "bytes literal"
        case -1:
            return "minus one"
        case 1j:
            return "imaginary"
        case _:
            return "fallback"
tests = [{"type": "circle", "r": 1}, {"type": "circle", "r": 0}, {"type": "rect", "w": 2, "h": 3, "z": 0},
         [3, 3, 9], ["s", 1, 2], (0, 5), [7, 0], "red", float("nan"), True, 2.5, "b", b"bytes", -1, 1j, None, "zz", 42]
for t in tests:
    print(repr(t), "->", describe(t))
def seqs(x):
    match x:
        case []:
            return "empty"
        case [_]:
            return "one"
        case [_, _]:
            return "two"
        case [*_, last]:
            return f"many ending {last}"
        case _:
            return "not a sequence"
print([seqs(v) for v in ([], [1], (1, 2), [1, 2, 3], "abc", range(4), {1: 2})])
