# `in` over objects iterable only through __getitem__, and the TypeErrors of `in`.
class G:
    def __getitem__(self, i):
        if i < 3:
            return i
        raise IndexError(i)

class BadIter:
    def __iter__(self):
        return 5

class Raises:
    def __getitem__(self, i):
        raise ValueError('boom')

print(1 in G(), 5 in G(), 2.0 in G(), list(G()), sorted(G()), tuple(G()))
for obj in (5, None, BadIter(), Raises()):
    try:
        print(1 in obj)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
