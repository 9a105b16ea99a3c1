x = 1
y = 'a' if x else 'b'
z = (1 if x > 0 else 2) if x else 3
