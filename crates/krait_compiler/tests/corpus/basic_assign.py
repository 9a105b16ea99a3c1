x = 1
y = x + 2
z = y * x - 3
del z
a = b = c = 4
print(x, y)
