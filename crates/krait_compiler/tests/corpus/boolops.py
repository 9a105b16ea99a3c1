x = a and b
y = a or b
z = a and b or c
w = (a or b) and c
v = not a
if a and (b or c):
    pass
while a or b:
    break
r = a if b else c
