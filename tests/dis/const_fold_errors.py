a = 1 / 0 if False else 0
b = 'abc'[5] if 0 else 1
c = 1 << -1 if 0 else 2
