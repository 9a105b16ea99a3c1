"""List sorting (ints, tuples, keys) and list comprehensions."""
def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        yield seed

gen = lcg(42)
data = [next(gen) % 100_000 for _ in range(200_000)]
a = sorted(data)
b = sorted(data, reverse=True)
pairs = [(x % 100, x) for x in data]
pairs.sort()
words = [str(x) for x in data[:60_000]]
words.sort(key=len)
sq = [x * x for x in a if x % 3 == 0]
evens = [x for x in b if not x & 1]
nested = [[i * j for j in range(50)] for i in range(400)]
flat = [v for row in nested for v in row]
print(a[0], a[-1], b[0], pairs[0], pairs[-1], words[0], words[-1], sum(sq) % 1_000_003, len(evens), sum(flat))
