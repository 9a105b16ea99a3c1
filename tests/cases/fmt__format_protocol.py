# format() calls __format__; str.format and f-strings agree; object.__format__ rules.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "":
            return f"${self.cents / 100:.2f}"
        if spec == "raw":
            return str(self.cents)
        return format(self.cents / 100, spec)
m = Money(12345)
print(format(m), format(m, "raw"), format(m, ">10.1f"), f"{m}", f"{m:raw}", "{:>9.3f}".format(m), "{0}|{0:raw}".format(m))
class NoFormat:
    def __str__(self):
        return "NoFormat-str"
print(format(NoFormat()), f"{NoFormat()}", "{}".format(NoFormat()), f"{NoFormat()!s:>14}")
try:
    format(NoFormat(), "x")
except TypeError as e:
    print("TypeError:", e)
class BadFormat:
    def __format__(self, spec):
        return 42
try:
    format(BadFormat())
except TypeError as e:
    print("TypeError:", e)
print(format(3, ""), format(3.0, ""), format(3 + 0j, ""), format(True, ""), format(None, ""), format([1], ""))
print(int.__format__(5, "03"), float.__format__(2.5, ".3f"), str.__format__("s", ">3"), object.__format__(1, ""))
