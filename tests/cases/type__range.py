# range objects.
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[2:4], r.index(8), r.count(8), 8 in r, 9 in r, r.start, r.stop, r.step)
print(list(range(5)), list(range(5, 0, -1)), list(range(0)), list(range(3, 3)), list(range(-3, 3, 2)), len(range(10, 0)))
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 5), range(3) == range(0, 3, 1), range(1) != range(2))
try:
    len(range(-10**20, 10**20))
except OverflowError as e:
    print("OverflowError:", e)
print(range(-10**20, 10**20)[-1], range(10**30)[-1], 10**25 in range(10**30), reversed(range(3)).__class__.__name__)
print(list(reversed(range(1, 10, 4))), sum(range(101)), max(range(-5, 5)), range(5)[::-1], range(10)[::3])
try:
    range(5)[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    range(5).index(7)
except ValueError as e:
    print("ValueError:", e)
print(hash(range(3)) == hash(range(0, 3)), repr(range(0, 5, 1)), type(range(1)).__name__, bool(range(0)), bool(range(1)))
print(range(3).__contains__(1), range(0, 10, 2).__len__(), 2.0 in range(5), "a" in range(5))
