# Results of common float computations printed with repr (exercises correctly rounded printing).
xs = [i / 10 for i in range(-10, 11)]
print(xs)
print([x * 3 for x in xs[::4]], [x ** 2 for x in xs[::5]], [1 / (x + 1.5) for x in xs[::5]])
acc = 0.0
for i in range(1, 101):
    acc += 1 / i
print(acc, acc * 1e10, acc / 1e10)
print(sum(1 / 2**i for i in range(60)), 2 - sum(1 / 2**i for i in range(60)))
print([round(1 / 3, n) for n in range(8)], [1e22 / 10**k for k in range(0, 30, 7)])
print(7 / 3 * 3, 1.1 + 2.2, 3.3 * 3, 1e-7 + 1e-8, 123456.789e3, 0.1 ** 10, 2 ** 0.5 * 2 ** 0.5)
