a = 'hello'[1]
b = (1, 2, 3)[-1]
c = 'abc'[1:]
d = b'xyz'[0]
