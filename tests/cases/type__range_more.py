# range: negative steps, equality, indexing, slicing, contains with non-ints, reversed.
rs = [range(10), range(1, 10, 3), range(10, 0, -2), range(-5, -20, -4), range(0), range(5, 5), range(3, 1)]
for r in rs:
    print(r, list(r), len(r), bool(r), r[::-1], list(reversed(r)))
r = range(0, 100, 7)
print(r[3], r[-1], r[2:5], r[::3], r[-3:], r.index(21), r.count(22), 21 in r, 22 in r, -7 in r)
print(range(0, 3) == range(3), range(0, 0) == range(5, 1), range(1, 10, 3) == range(1, 11, 3), range(2) != range(3))
print(3.0 in range(5), 3.5 in range(5), True in range(2), "x" in range(3), None in range(1))
print(sum(range(1, 101)), list(range(-3, 3)), max(range(7)), min(range(3, 9)), sorted(range(5), reverse=True))
try:
    range(5)[5]
except IndexError as e:
    print("IndexError:", e)
try:
    range("3")
except TypeError as e:
    print("TypeError:", e)
try:
    range(3).index(3)
except ValueError as e:
    print("ValueError:", e)
print(range(10**20, 10**20 + 3)[1], list(range(10**20, 10**20 + 3)), range(0, 10**20, 10**19)[5])
