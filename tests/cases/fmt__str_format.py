# str.format: positional, keyword, attribute, index, conversion, nested.
print("{} {}".format(1, 2), "{1} {0} {1}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{0[1]} {0[k]}".format({1: "one", "k": "kay"}))
class P:
    x, y = 3, 4
print("{0.x},{0.y}".format(P()), "{p.x}".format(p=P()), "{0[0][1]}".format([[1, 2]]), "{!r} {!s} {!a}".format("é", "é", "é"))
print("{:>{w}}".format("r", w=5), "{:{fill}^{w}.{p}f}".format(3.14159, fill="*", w=10, p=2), "{0:{1}}".format(7, "04"))
print("{{}} {{{}}}".format("in"), "{:,}".format(1234567), "{:%}".format(0.25), "{0!r:>10}".format("s"))
d = {"a": 1, "b": 2}
print("{a} {b}".format(**d), "{0} {a}".format(0, **d), "{}".format(None), str.format("{}", 5))
print("{:d} {:x} {:e}".format(10, 255, 1.5), "{0}{0}{0}".format("ab"), "{}".format(b"bytes"))
print("{a[0]}".format(a="xyz"), "{0[-1]}".format({-1: "neg key"}) if False else "{0[2]}".format("xyz"))
try:
    "x{}y".format_map({})
except ValueError as e:
    print("ValueError:", e)
print("{k}".format_map({"k": "mapped"}))
class Default(dict):
    def __missing__(self, key):
        return f"<{key}>"
print("{known} {unknown}".format_map(Default(known="K")))
for bad in ["{", "}", "{0", "{!x}", "{0!}", "{:s}".__class__.__name__ and "{:d}", "{0}{}"]:
    try:
        print(bad.format("v"))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
