# hash(): numeric hash invariants, tuples, frozensets, unhashables, custom __hash__ results.
print(hash(0), hash(1), hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(2**100), hash(-(2**100)))
print(hash(0.0), hash(-0.0), hash(1.0), hash(1.5), hash(-1.5), hash(1e100), hash(1e-100), hash(float("inf")), hash(float("-inf")))
print(hash(1 + 2j), hash(-1j), hash(complex(1.5, -2.5)), hash((1, 2, 3)), hash(()), hash((None,)) == hash((None,)))
print(hash(frozenset({1, 2, 3})), hash(frozenset()), hash(True), hash(False), hash(range(3)) == hash(range(0, 3, 1)))
print(all(hash(v) == hash(float(v)) for v in [0, 1, -7, 2**52, 2**80, -(2**70)]), hash(0.5) == hash(1 / 2))
print(hash(10**30) == hash(float(10**30)), hash(2**64 + 1) == hash(float(2**64 + 1)))
class H:
    def __init__(self, h): self.h = h
    def __hash__(self): return self.h
print(hash(H(5)), hash(H(-1)), hash(H(2**70)), hash(H(True)))
try:
    hash(H(1.5))
except TypeError as e:
    print("TypeError:", e)
for v in [[], {}, set(), bytearray()]:
    try:
        hash(v)
    except TypeError as e:
        print("TypeError:", e)
print(id(None) == id(None), type(id(1)).__name__, id([]) is not None)
