# Floor division, modulo and divmod with every sign combination.
nums = [7, -7, 0, 1, -1, 13, 10**25 + 3, -(10**25) - 3]
dens = [2, -2, 3, -3, 10**12, -(10**12)]
for a in nums:
    print(a, [(a // b, a % b, divmod(a, b)) for b in dens])
fl = [7.5, -7.5, 0.0, -0.0, 1e300, 5.0]
for a in fl:
    print(a, [(a // b, a % b, divmod(a, b)) for b in [2, -2, 0.75, -0.75, 1e-300]])
print(-1 % 1e100, 1 % -1e100, -0.0 % 3, 0.0 % -3, 3 % float("inf"), -3 % float("inf"))
print(divmod(float("inf"), 1), 5 // float("inf"), -5 // float("inf"))
for a, b in [(1, 0), (1.0, 0.0), (0, 0), (10**30, 0)]:
    for op in ("//", "%", "divmod"):
        try:
            if op == "//":
                a // b
            elif op == "%":
                a % b
            else:
                divmod(a, b)
        except ZeroDivisionError as e:
            print(op, "ZeroDivisionError:", e)
print(True // 2, True % 2, divmod(True, True))
