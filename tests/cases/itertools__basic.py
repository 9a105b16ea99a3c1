import itertools
from itertools import *

print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(1.5, 0.5), 3)))
print(repr(count()), repr(count(5)), repr(count(1, 2)), repr(count(1.5, -1)))
print(list(islice(cycle('abc'), 7)), list(cycle([])))
print(list(repeat('x', 3)), repr(repeat(1)), repr(repeat(1, 3)), list(repeat(0, -2)))
print(repeat(5, 4).__length_hint__())
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=7)))
print(list(chain('ab', [1, 2], ())), list(chain.from_iterable(['xy', 'z'])))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a'])))
print(list(starmap(pow, [(2, 5), (3, 2)])))
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)))
print(list(islice(range(10), 1, 8, 3)), list(islice(range(3), 10)))
print(list(pairwise('ABCDE')), list(pairwise('A')))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest()))
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)])
gs = list(groupby('aabb'))
print([list(g) for k, g in gs])
a, b = tee(range(5))
print(list(a), list(b))
a, b, c = tee(iter('abcdef'), 3)
print(next(a), next(a), list(b), list(c), list(a))
print(tee([1], 0))
x, y = tee(range(200))
print(sum(x), sum(y))
print(list(product('AB', 'xy')), list(product(range(2), repeat=3)))
print(list(product()), list(product('ab', [])))
print(list(permutations('ABC', 2)), list(permutations(range(3))))
print(list(permutations('AB', 3)), list(permutations('AB', 0)))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('A', 2)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement('', 2)))
print(len(list(permutations(range(6)))), len(list(combinations(range(10), 4))))

class MyChain(chain):
    pass
print(list(MyChain('ab', 'c')), type(MyChain.from_iterable(['a'])).__name__)
class MyCount(count):
    pass
print(repr(MyCount(3)))

for bad in [lambda: islice('abc', -1), lambda: islice('abc', 1, 2, 0), lambda: islice('abc', 'x'),
            lambda: combinations('abc', -1), lambda: permutations('abc', -2), lambda: product('a', repeat=-1),
            lambda: count('a'), lambda: repeat(1, 'a'), lambda: tee([], -1), lambda: islice('a'),
            lambda: list(starmap(pow, [1])), lambda: chain(a=1), lambda: repeat(3).__length_hint__()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(type(count()).__name__, type(groupby('a')).__name__, isinstance(chain(), itertools.chain))
print(list(zip(count(), 'abc')), next(iter(repeat(None))))
it = iter([1, 2, 3])
print(list(islice(it, 1)), list(it))
