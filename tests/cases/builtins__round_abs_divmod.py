# round() banker's rounding and ndigits, abs/divmod on all numeric types.
print([round(x) for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.5000000001]])
print([round(x, 1) for x in [0.05, 0.15, 0.25, 0.35, 0.45, 2.675, -0.05]], round(1.005, 2), round(0.125, 2))
print([round(n, -1) for n in [5, 15, 25, -5, -15, 14, 16]], round(123456, -3), round(-123456, -7), round(5, 2))
print(round(1.5, None), type(round(1.5, None)).__name__, round(2.0), round(-0.4), round(1e16 + 1.0), round(float("1e-300"), 300))
print(round(123.456, -1), round(123.456, -2), round(123.456, -3), round(0.0, 5), round(-0.0, 1), round(1e300, -298))
print(abs(-7), abs(7.5), abs(-0.0), abs(-2**100), abs(3 - 4j), abs(True), abs(False), abs(float("-inf")))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(7.5, 2), divmod(-7.5, 2), divmod(2**70, 3**20))
print(divmod(True, 2), divmod(0, 5), divmod(5.0, 0.1), divmod(-1e-300, 1e300))
class R:
    def __round__(self, n=None):
        return f"R.__round__({n})"
    def __abs__(self):
        return "R.__abs__"
    def __divmod__(self, o):
        return ("R.divmod", o)
    def __rdivmod__(self, o):
        return ("R.rdivmod", o)
print(round(R()), round(R(), 3), abs(R()), divmod(R(), 1), divmod(1, R()))
