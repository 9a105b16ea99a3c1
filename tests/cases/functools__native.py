from _functools import reduce, cmp_to_key
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(operator.add, [], 'init'), reduce(max, [5]))
for bad in [lambda: reduce(operator.add, []), lambda: reduce(operator.add, 5)]:
    try:
        bad()
    except TypeError as e:
        print(e)
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted('bca', key=cmp_to_key(lambda a, b: cmp(b, a))))
K = cmp_to_key(cmp)
print(K(1) < K(2), K(2) <= K(1), K(3) == K(3), K(5).obj, max([4, 9, 2], key=K))
try:
    hash(K(1))
except TypeError as e:
    print('unhashable')
try:
    K(1) < 1
except TypeError as e:
    print(e)
