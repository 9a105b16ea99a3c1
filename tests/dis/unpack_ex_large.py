a, b, c, d, e, f, g, h, i, j, *k = range(20)
*l, m = range(3)
