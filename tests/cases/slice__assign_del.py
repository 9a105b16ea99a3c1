# Slice assignment and deletion.
l = list(range(10))
l[2:5] = ["a", "b"]
print(l)
l[:0] = [-1, -2]
print(l)
l[len(l):] = [99]
print(l)
l[::2] = "X" * len(l[::2])
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
del l[1::3]
print(l)
del l[:2]
print(l)
l[1:3] = []
print(l)
l[:] = range(5)
print(l)
l[3:1] = [7, 7]
print(l)
l[::-1] = l[:]
print(l)
del l[::-2]
print(l)
del l[:]
print(l)
b = bytearray(b"hello world")
b[0:5] = b"HELLO!"
del b[-1]
print(b)
a = [1, 2, 3]
a[1:2] = a
print(a)
