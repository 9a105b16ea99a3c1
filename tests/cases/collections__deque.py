from _collections import deque, defaultdict, _count_elements, _tuplegetter

d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d, 9 in d)
print(d.pop(), d.popleft(), d)
d.extend('ab'); d.extendleft('xy')
print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
print(d.count(1), d.index(2), d.index('a', 1))
d.insert(1, 'ins'); d.remove('x')
print(d)
d.reverse(); print(d)
d[0] = 'first'; del d[1]
print(d, list(reversed(d)))
print(deque('abc', maxlen=2), deque(range(10), maxlen=3).maxlen, deque().maxlen)
m = deque(maxlen=3)
for i in range(6):
    m.append(i)
print(m)
m.appendleft(-1); print(m)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) == [1])
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 3, 2 * deque('ab'), deque('abc', maxlen=4) * 2)
e = deque([1]); e += [2, 3]; e *= 2; print(e)
c = d.copy(); c.append('z'); print(c, d, bool(deque()), bool(c))
r = deque([1]); r.append(r); print(r)
class D(deque):
    pass
x = D([1, 2], maxlen=5)
print(x, type(x.copy()).__name__, x.copy().maxlen, isinstance(x, deque))
d.clear(); print(d)
for f in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1]).remove(2), lambda: deque([1]).index(2),
          lambda: deque([1])[3], lambda: deque([1])['a'], lambda: deque(maxlen=-1), lambda: deque() + [1],
          lambda: deque([1], maxlen=1).insert(0, 2)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
it = iter(deque([1, 2, 3]))
dd = deque([1, 2, 3]); it = iter(dd); next(it); dd.append(4)
try:
    next(it)
except RuntimeError as e:
    print(e)
print(list(deque(range(5))), sum(deque(range(100))))

dd = defaultdict(list)
dd['a'].append(1); dd['b']; dd['a'].append(2)
print(dd, dd.default_factory, len(dd), 'c' in dd)
print(defaultdict(), defaultdict(None, {1: 2}), defaultdict(int, a=1))
n = defaultdict(int)
for w in 'abracadabra':
    n[w] += 1
print(sorted(n.items()), isinstance(n, dict), dict(n) == n)
cp = n.copy(); print(type(cp).__name__, cp == n, cp.default_factory)
print(n | {'z': 9}, type(n | {}).__name__)
try:
    defaultdict()['missing']
except KeyError as e:
    print('KeyError', e)
try:
    defaultdict(5)
except TypeError as e:
    print(e)
class DD(defaultdict):
    pass
print(DD(list, {1: [2]}))
cnt = {}
_count_elements(cnt, 'mississippi')
print(cnt)
tg = _tuplegetter(1, 'Alias for field number 1')
class P(tuple):
    y = tg
print(P((1, 2)).y, tg.__doc__, P.y is tg)
try:
    P((1,)).y
except IndexError as e:
    print(e)
try:
    P((1, 2)).y = 3
except AttributeError as e:
    print(e)
