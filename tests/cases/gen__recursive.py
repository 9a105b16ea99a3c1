# Recursive generators: permutations, combinations, power set, tree walks.
def perms(items):
    if not items:
        yield ()
        return
    for i, x in enumerate(items):
        for rest in perms(items[:i] + items[i + 1:]):
            yield (x,) + rest
def combos(items, k):
    if k == 0:
        yield ()
        return
    for i in range(len(items)):
        for rest in combos(items[i + 1:], k - 1):
            yield (items[i],) + rest
def powerset(items):
    if not items:
        yield []
        return
    for sub in powerset(items[1:]):
        yield sub
        yield [items[0]] + sub
def product(*seqs):
    if not seqs:
        yield ()
        return
    for x in seqs[0]:
        for rest in product(*seqs[1:]):
            yield (x,) + rest
print(list(perms("abc")), len(list(perms(tuple(range(6))))))
print(list(combos("abcd", 2)), len(list(combos(range(10), 3))))
print(sorted(powerset([1, 2, 3]), key=lambda s: (len(s), s)))
print(list(product("ab", [0, 1])), sum(1 for _ in product(range(3), range(3), range(3))))
def hanoi(n, a="A", b="B", c="C"):
    if n:
        yield from hanoi(n - 1, a, c, b)
        yield (a, c)
        yield from hanoi(n - 1, b, a, c)
print(list(hanoi(3)), sum(1 for _ in hanoi(10)))
