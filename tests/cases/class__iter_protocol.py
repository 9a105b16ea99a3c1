# __iter__/__next__, __getitem__-based iteration, __reversed__, __len__, __bool__.
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)), [x * 2 for x in Countdown(2)])
c = Countdown(2)
print(next(c), next(c), next(c, "end"))
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i
print(list(Squares()), 9 in Squares(), list(reversed([1, 2])), max(Squares()))
class Rev:
    def __init__(self, d): self.d = d
    def __len__(self): return len(self.d)
    def __getitem__(self, i): return self.d[i]
print(list(reversed(Rev("abc"))), len(Rev([1, 2])), bool(Rev([])), bool(Rev([0])))
class CustomRev:
    def __reversed__(self): return iter("zyx")
print(list(reversed(CustomRev())))
class Truthy:
    def __bool__(self): return False
    def __len__(self): return 5
print(bool(Truthy()), not Truthy())
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class BadLen:
    def __len__(self): return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
class NotIter: pass
try:
    iter(NotIter())
except TypeError as e:
    print("TypeError:", e)
class IterReturnsNonIter:
    def __iter__(self): return 5
try:
    iter(IterReturnsNonIter())
except TypeError as e:
    print("TypeError:", e)
class Tree:
    def __init__(self, v, kids=()): self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
print(list(Tree(1, [Tree(2, [Tree(3)]), Tree(4)])))
a, b, *c = Countdown(5)
print(a, b, c)
