# set and frozenset methods.
s = {3, 1, 2}
s.add(4)
s.add(1)
print(s, len(s), 3 in s, 7 not in s)
s.discard(10)
s.remove(4)
print(s, s.pop() in {1, 2, 3}, len(s))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a.union([9]), a.intersection(b, {4}), a.difference({1}, {2}), a.symmetric_difference(b))
print(a <= b, {3, 4} <= a, {3, 4} < a, a >= {1}, a > a, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({7}))
c = set(a)
c |= {10}
c &= {1, 10, 2}
c -= {2}
c ^= {1, 5}
print(c)
c.update([7, 8], "ab")
c.intersection_update({7, 8, "a", 5})
c.difference_update({8})
c.symmetric_difference_update({"a", 100})
print(sorted(c, key=str))
f = frozenset([1, 2, 2, 3])
print(f, f | {4}, type(f | {4}).__name__, type({4} | f).__name__, hash(f) == hash(frozenset({3, 2, 1})), {f: 1}[frozenset({1, 2, 3})])
print(set(), frozenset(), set("hello") == set("ohel"), set([1, 1.0, True]), {0, False, 0.0}, len({(1, 2), (1, 2)}))
print(frozenset() == set(), {1, 2} == frozenset({1, 2}), set(range(5)) - set(range(0, 5, 2)))
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    f.add(1)
except AttributeError as e:
    print("AttributeError:", e)
big = {i * 7 % 32 for i in range(32)}
print(big == set(range(32)), sorted(big)[:5], min(big), max(big))
print(set.__name__, frozenset.__name__, s.copy() == s, s.copy() is s)
ints = {10, 5, 100, 1, 33, 64, 2}
print(ints, list(ints))
