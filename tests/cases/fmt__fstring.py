# f-strings: expressions, conversions, nested specs, debugging '='.
name, n, pi = "Ada", 42, 3.14159265
print(f"{name} is {n}", f"{n + 1}", f"{name!r}", f"{name!s}", f"{name!a}", f"{'é'!a}")
print(f"{pi:.2f}", f"{pi:10.3f}|", f"{n:05d}", f"{n:x}", f"{n:#o}", f"{n:b}", f"{n:,}", f"{10**9:_}")
width, prec = 12, 4
print(f"[{pi:{width}.{prec}f}]", f"[{name:^{width}}]", f"[{name:*<{width}}]", f"[{n:>{width}}]")
print(f"{{literal}}", f"{{{n}}}", f"a{{b", f"{'quote'}", f'{"double"}', f"{n!r:>6}")
print(f"{n=}", f"{pi = :.1f}", f"{name=!s}", f"{n*2=}", f"{ n = }")
items = [1, 2, 3]
print(f"{items[0]}", f"{len(items)}", f"{items!r}", f"{ {'k': 1}['k'] }", f"{(lambda x: x * 2)(3)}")
print(f"{'yes' if n > 10 else 'no'}", f"{[x * 2 for x in items]}", f"{n:{'>'}{8}}")
print(f"""multi
{name}
line""", f"{3.0:g}", f"{1e20:g}", f"{0.00001234:g}", f"{-0.0:+.1f}", f"{n:+}", f"{-n: }")
class W:
    def __format__(self, spec):
        return f"W<{spec}>"
print(f"{W()}", f"{W():abc}", f"{W()!s:>3}"[:3] if False else f"{W():{n}}")
x = 10
print(f"{x:#x}", f"{x:#b}", f"{x:08.3f}", f"{x:%}", f"{x/3:.3%}", f"{x:e}", f"{x:c}" if False else f"{65:c}")
nested = {"a": {"b": [10, 20]}}
print(f"{nested['a']['b'][1]}", f"{'-'.join(str(i) for i in items)}", f"{n}" f"{n}", F"{n}")
