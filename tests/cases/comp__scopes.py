# Comprehension scoping: iteration variables don't leak; class bodies; nested comprehensions.
x = "global x"
squares = [x * x for x in range(4)]
print(squares, x)
gen = (y for y in range(3))
print("y" in dir(), list(gen))
class K:
    base = 10
    vals = [i for i in range(3)]
    try:
        bad = [base + i for i in range(3)]
    except NameError as e:
        err = str(e)
    first = [base for _ in range(1)] if False else None
    outer_iter = [v * 2 for v in vals]
print(K.vals, K.err, K.outer_iter)
def f():
    n = 3
    return [[n * i + j for j in range(n)] for i in range(n)]
print(f())
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([(i, j) for i in range(3) if i for j in range(i) if j != 1])
print({k: [v for v in range(k)] for k in range(4)}, {frozenset(range(i)) for i in range(3)} == {frozenset(), frozenset({0}), frozenset({0, 1})})
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
print([j for i in range(3) for j in range(i)])
