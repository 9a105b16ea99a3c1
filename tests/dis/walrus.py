if (n := 10) > 5:
    print(n)
xs = [y for x in range(3) if (y := x * 2)]
while (line := None):
    pass
