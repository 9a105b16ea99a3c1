a = 2 ** 100
b = 2 ** 200000 if False else 0
c = 'x' * 5000
d = 'x' * 4096
e = (1,) * 300
f = b'ab' * 10
g = 10 ** 1000 if 0 else 1
