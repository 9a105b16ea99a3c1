a = [x for x in range(5)]
b = [x * y for x in range(3) for y in range(3)]
c = [x for x in range(10) if x % 2 if x > 3]
