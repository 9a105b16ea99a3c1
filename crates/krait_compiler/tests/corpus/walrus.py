if (n := len(a)) > 10:
    print(n)
data = [y for x in range(5) if (y := x * 2)]

def f():
    if (m := g()):
        return m
