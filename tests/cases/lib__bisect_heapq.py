import bisect, heapq, _bisect, _heapq
a = [1, 2, 2, 2, 5, 8]
print([bisect.bisect_left(a, x) for x in range(10)], [bisect.bisect_right(a, x) for x in range(10)], bisect.bisect(a, 2, 1, 3))
b = []
for x in [5, 1, 4, 1, 3, 9, 2]:
    bisect.insort(b, x)
print(b)
recs = [('a', 3), ('b', 1), ('c', 2)]
recs.sort(key=lambda r: r[1])
bisect.insort_left(recs, ('d', 2), key=lambda r: r[1]); bisect.insort_right(recs, ('e', 2), key=lambda r: r[1])
print(recs, bisect.bisect_left(recs, 2, key=lambda r: r[1]), bisect.bisect_right(recs, 2, key=lambda r: r[1]))
class L(list):
    def insert(self, i, x):
        print('insert', i, x); super().insert(i, x)
l = L([1, 3]); bisect.insort(l, 2); print(l)
for bad in [lambda: bisect.bisect(a, 1, -1), lambda: bisect.bisect(5, 1), lambda: bisect.bisect([1, 'x'], 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), h, heapq.heapreplace(h, 6), h, heapq.heappushpop(h, 0), heapq.heappushpop(h, 4), h)
data = [9, 1, 8, 2, 7, 3, 6, 4, 5, 0] * 3
heapq.heapify(data); print(data)
print([heapq.heappop(data) for _ in range(len(data))])
print(heapq.nlargest(3, [5, 1, 9, 2, 8]), heapq.nsmallest(2, [5, 1, 9, 2, 8], key=lambda v: -v), list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])))
print(list(heapq.merge([7, 4, 1], [8, 5, 2], reverse=True)), heapq.nlargest(4, range(20), key=lambda v: v % 7))
m = [3, 1, 4, 1, 5, 9, 2, 6]; heapq._heapify_max(m); print(m, heapq._heappop_max(m), heapq._heapreplace_max(m, 0), m)
class C:
    def __init__(self, v): self.v = v
    def __lt__(self, o): print('lt', self.v, o.v); return self.v < o.v
    def __repr__(self): return 'C%d' % self.v
h = [C(3), C(1), C(2)]; heapq.heapify(h); print(h); heapq.heappush(h, C(0)); print(heapq.heappop(h), h)
for bad in [lambda: heapq.heappop([]), lambda: heapq.heappush((), 1), lambda: heapq.heapify(None), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush([1, 'a'], 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(heapq.heappushpop([], 5))
