# range objects whose bounds do not fit in 64 bits.
B = 1 << 100
r = range(B, B + 10, 3)
print(r, len(r), list(r), list(reversed(r)), r[1], r[-1], r[1:3], r[::-1], B + 3 in r, B + 4 in r, r.index(B + 6), r.count(B), r.start, r.stop, r.step)
print(type(iter(range(1 << 1000))).__name__, type(iter(range(10))).__name__)
print(range(B) == range(B), hash(range(B)) == hash(range(0, B)), bool(range(B, B)), range(0, B)[B - 1])
try: len(range(1 << 1000))
except OverflowError as e: print(e)
print(range(-B, B, B), list(range(-B, B, B)), range(5)[True], 3.0 in range(B), range(B)[2:5])
try: range(B).index(-1)
except ValueError as e: print(e)
