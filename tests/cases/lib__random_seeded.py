import random
random.seed(42)
print(random.random(), random.randint(1, 100), random.choice('abcdef'))
l = list(range(20)); random.shuffle(l); print(l)
print(random.gauss(0, 1), random.normalvariate(5, 2), random.uniform(1, 3))
print(random.sample(range(100), 5), random.choices('xyz', k=6), random.choices('ab', weights=[1, 3], k=5))
print(random.getrandbits(100), random.randrange(0, 1000, 7), random.triangular(), random.expovariate(2))
print(random.betavariate(2, 3), random.gammavariate(2, 1), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2))
print(random.paretovariate(3), random.weibullvariate(1, 2), random.randbytes(6))
for s in ['hello', b'bytes', bytearray(b'ba'), 12345678901234567890, -5, 3.5]:
    random.seed(s); print(repr(s), random.random())
random.seed('hello', version=1); print(random.random())
r = random.Random(7); st = r.getstate(); a = r.random(); r.setstate(st); print(a == r.random())
class R(random.Random):
    pass
print(R(3).randint(0, 10**30))
