a, b, c = 0, 1, 2
x = a and b
y = a or b
z = a and b or c
w = (a or b) and (c or a)
if a and b or not c:
    pass
