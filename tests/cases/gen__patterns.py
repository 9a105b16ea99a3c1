# Common generator idioms: pipelines, infinite streams, windowing, coroutine-style.
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
def window(it, k):
    buf = []
    for v in it:
        buf.append(v)
        if len(buf) > k:
            buf.pop(0)
        if len(buf) == k:
            yield tuple(buf)
print(list(take(5, naturals())), list(window(take(6, naturals()), 3)))
def primes():
    found = []
    for n in naturals():
        if n > 1 and all(n % p for p in found):
            found.append(n)
            yield n
print(list(take(12, primes())))
def averager():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count
a = averager()
next(a)
print([a.send(v) for v in [10, 20, 60]])
gens = [(i * j for j in range(3)) for i in range(3)]
print([list(g) for g in gens])
def interleave(*gs):
    gs = [iter(g) for g in gs]
    while gs:
        for g in list(gs):
            try:
                yield next(g)
            except StopIteration:
                gs.remove(g)
print(list(interleave("abc", [1], range(10, 12))))
it = iter(naturals())
print(iter(it) is it, next(it), next(it))
print(list(zip(naturals(), "xyz")), list(map(lambda x: x * x, take(4, naturals()))))
