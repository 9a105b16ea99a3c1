# List comprehensions: filters, nesting, scoping.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(3)] for x in range(3)])
print([c.upper() for c in "hello" if c not in "l"])
print([x if x % 2 else -x for x in range(5)])
x = "outer"
print([x for x in "ab"], x)
print([i for row in [[1, 2], [3], []] for i in row])
print([v for v in []], [(lambda: i)() for i in range(3)])
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
print([y for y in range(3) for y in range(y)])
print([a + b for a, b in zip("abc", "xyz")], [k for k, _ in {"p": 1, "q": 2}.items()])
print([n for n in range(30) if all(n % d for d in range(2, n)) and n > 1])
