# and / or / not: short circuit and value return.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "x", [] and 3, None or 0, not 0, not "a")
print(0 or "" or None, 1 and "a" and [5], (0 or 0) and 1)
log = []
def f(x):
    log.append(x)
    return x
r = f(0) and f(1)
r2 = f(1) or f(2)
r3 = f(0) or f(0) or f(3)
print(r, r2, r3, log)
print(not not [], not None, True and not False)
x = 5
y = x > 3 and "big" or "small"
print(y, (x < 3) and "big" or "small")
print(1 if x else 2, "yes" if not x else "no")
