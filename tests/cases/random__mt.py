import _random
r = _random.Random(42)
print([r.random() for _ in range(3)])
r.seed(0); print(r.random(), r.getrandbits(8), r.getrandbits(32), r.getrandbits(70), r.getrandbits(0))
r.seed(2**100 + 7); print(r.random())
r.seed(-5); a = r.random(); r.seed(5); print(a == r.random())
r.seed(123456789); print(r.getrandbits(200))
st = r.getstate(); print(len(st), st[-1], st[0])
x = [r.random() for _ in range(700)]
r.setstate(st); print(x == [r.random() for _ in range(700)])
r.seed(3.5); print(r.random())
r.seed((1, 2)); r2 = _random.Random((1, 2)); print(r.random() == r2.random())
class R(_random.Random):
    def __init__(self, x):
        self.seed(x * 2)
print(R(21).random() == _random.Random(42).random())
for bad in [lambda: r.getrandbits(-1), lambda: r.setstate([1]), lambda: r.setstate((1,)), lambda: _random.Random(1, 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(sum(r.getrandbits(1) for _ in range(1000)) > 400)
