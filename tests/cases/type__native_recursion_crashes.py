# Inputs that used to crash the interpreter: a __call__ that is an instance of its own
# class, and slice bounds whose __index__ empties the list being sliced.
class A:
    pass
A.__call__ = A()
try:
    A()()
except RecursionError as e:
    print("RecursionError", e)

class X:
    def __index__(self):
        l[:] = []
        return 1
l = list(range(10))
l[0:10:X()] = []
print(l)
l = list(range(10))
print(l[0:10:X()], l)
l = list(range(10))
try:
    l[0:10:X()] = [1, 2, 3, 4, 5]
except ValueError as e:
    print(e)
b = bytearray(b"abcdefgh")
class Y:
    def __index__(self):
        b[:] = b""
        return 2
b[0:8:Y()] = b""
print(b)
