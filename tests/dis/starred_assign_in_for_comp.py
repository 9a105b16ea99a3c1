pairs = [(1, [2, 3])]
flat = [y for x, ys in pairs for y in ys]
first = [a for a, *_ in [(1, 2)]]
