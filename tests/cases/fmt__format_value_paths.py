x = 255
print(f"{x:02x} {x:>8} {x:,} {3.14159:.2f} {'ab':>5} {'ab'!r:>6} {x!s:>4} {True:d} {1e300:g} {-0.0:+} {x:c}")
class F:
    def __format__(self, spec):
        return "F" + spec
print(f"{F():xyz}", format(F(), "q"), format(3, ""), format(2.5), format("s", "^5"))
class B:
    def __format__(self, spec):
        return 5
try:
    f"{B():x}"
except TypeError as e:
    print(e)
try:
    format(3, "q")
except ValueError as e:
    print(e)
class IntSub(int):
    def __format__(self, spec):
        return "sub"
print(f"{IntSub(3):d}")
try:
    f"{x:{'.2'}z}"
except ValueError as e:
    print(e)
