a, b = 1, 2
a, b = b, a
a, b, c = b, c, a
(x, y), z = (1, 2), 3
