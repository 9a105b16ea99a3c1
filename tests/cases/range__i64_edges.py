# range at the i64 edges: iterator kinds, reversal, big slice steps and indices, len overflow.
print(type(iter(range(-2**63, 2**63-1, 2))).__name__, type(reversed(range(-2**63, 2**63-1))).__name__, type(reversed(range(-2**63, 2**63-1, 2))).__name__)
print(list(range(0, 2**63-1, 2**62)), list(reversed(range(-2**63, 2**63-1, 2**62))))
print(range(-2**63, 2**63-1)[2**63], range(-2**63, 2**63-1)[-1])
print(range(0,-2**63,-1)[::-1], range(-2**63,0)[::-1])
print(list(range(0, -10, -2**63)), list(reversed(range(0, -10, -2**63))), range(0, -10, -2**63)[0])
print(list(range(2**63-3, 2**63-1)), list(reversed(range(2**63-3, 2**63-1))))
print(list(range(-2**63+2, -2**63, -1)), list(reversed(range(-2**63+2, -2**63, -1))))
print(range(10)[True], range(10)[2:8:2], range(10)[::-3], range(10)[-100:100])
class I:
    def __index__(self): return 3
print(range(10)[I()], range(10)[I():])
for k in (1.5, 'a', None):
    try: range(10)[k]
    except TypeError as e: print(e)
try: len(range(2**63))
except OverflowError as e: print(e)
print(len(range(2**63-1)))
