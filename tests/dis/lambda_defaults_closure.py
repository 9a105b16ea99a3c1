def f(n):
    return [lambda x, i=i: x + i + n for i in range(n)]
