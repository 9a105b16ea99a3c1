g = (x for x in range(3))
print(sum(x * x for x in range(10)))
h = (y for x in [[1]] for y in x)
