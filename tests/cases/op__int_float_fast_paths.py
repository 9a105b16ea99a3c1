import sys
vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10**18, -10**18, sys.maxsize, -sys.maxsize - 1, 2**53, 2**53 + 1, -(2**53) - 1]
ops = ['+', '-', '*', '//', '%', '&', '|', '^', '<<', '>>', '/']
for a in vals:
    for b in vals:
        for op in ops:
            if op in ('<<',) and not (0 <= b < 100):
                continue
            try:
                r = eval(f"a {op} b")
            except Exception as e:
                r = type(e).__name__ + ": " + str(e)
            print(a, op, b, "=", r)
fl = [0.0, -0.0, 1.5, -2.25, 1e308, float('inf'), float('nan')]
for a in fl + [3, -4, 2**53 + 1]:
    for b in fl + [3, -4, 0, 2**53 + 1]:
        for op in ['+', '-', '*', '/']:
            try:
                r = eval(f"a {op} b")
            except Exception as e:
                r = type(e).__name__ + ": " + str(e)
            print(repr(a), op, repr(b), "=", repr(r))
x = 5
x //= -2; print(x)
x %= -3; print(x)
x <<= 62; print(x)
x = -(2**62); x <<= 1; print(x); x <<= 1; print(x)
print(-7 >> 100, 7 >> 100, 1 << 63, -1 << 63)
