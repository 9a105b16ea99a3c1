# f-string edge cases: nested quotes, format specs from expressions, repr of strings, self-documenting.
items = {"a": 1, "b": 2}
print(f"{items['a']}", f'{items["b"]}', f"{'nested'!r}", f"{len(items)=}", f"{items!r:>30}")
width = 8
for v in [3.14159, -2.5, 1e10, 0.0, -0.0]:
    print(f"|{v:{width}.3}|{v:<{width}g}|{v:^+{width}.1f}|{v!s:>{width}}|")
name = "x"
print(f"{name!r:^7}", f"{name:{'*'}^{5}}", f"{3:{'0'}{4}}", f"{'a' + 'b'}", f"{[1, 2][-1]}")
print(f"{1_000_000:,}", f"{1234.5:,.2f}", f"{255:#06x}", f"{-255:+x}", f"{0.5:.0%}", f"{1/3:.2%}")
print(f"{'tab':\t<5}|" if False else f"{'left':<6}|{'right':>6}|{'mid':^7}|")
nl = "\n"
print(f"{nl.join(['l1', 'l2'])}")
print(f"{{}}{{{1}}}}}" if False else f"{{}}{{{1}}}")
val = 12.5
print(f"{val = }", f"{val=:.3f}", f"{val=!r}", f"{ val * 2 = }")
print(f"{'é':>3}", f"{'日本':*^6}", f"{'😀':_<3}")
