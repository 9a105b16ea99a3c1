# set: int ordering, mixed types, methods with multiple arguments, comparison operators.
s = set(range(20, 0, -3))
print(s, sorted(s), len(s))
print({1, 2, 3}.union([4], (5,), {6: 0}), {1, 2, 3}.intersection([2, 3], (3,)), {1, 2, 3}.difference([1], [2]))
a = {1, 2, 3}
print(a <= a, a < a, a >= set(), a.issubset(a), {1}.isdisjoint([2, 3]), a == frozenset(a), a != {1, 2})
fs = frozenset("hello")
print(sorted(fs), "h" in fs, len(fs), fs | set("xyz") == set("helloxyz"), type(fs & {"h"}).__name__, type({"h"} & fs).__name__)
e = set()
e.add(())
e.add((1,))
e.add(frozenset())
print(len(e), () in e, frozenset() in e)
try:
    set().remove(1)
except KeyError as ex:
    print("KeyError:", ex)
try:
    {1} < [1]
except TypeError as ex:
    print("TypeError:", ex)
nums = {-1, -2, 5, 1000, 2**40, 0}
print(nums, sorted(nums))
m = {1, 2}
m.update(range(3, 6))
m.discard(1)
m.difference_update({5})
print(m, m.pop(), m)
print(set("aAbB") - set("ab"), {x % 4 for x in range(100)}, set(), {None})
