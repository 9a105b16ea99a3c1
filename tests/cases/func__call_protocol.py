# Calling conventions: bound methods, callables, argument errors.
class A:
    def __init__(self, v):
        self.v = v
    def get(self, add=0):
        return self.v + add
a = A(10)
m = a.get
print(m(), m(5), A.get(a, 1), A.get(a, add=2))
print(list(map(A.get, [A(1), A(2)])))
try:
    A.get()
except TypeError as e:
    print("TypeError:", e)
try:
    a.get(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    five = 5
    five()
except TypeError as e:
    print("TypeError:", e)
try:
    len()
except TypeError as e:
    print("TypeError:", e)
try:
    len(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    A()
except TypeError as e:
    print("TypeError:", e)
def kw(a, b):
    return a - b
print(kw(b=1, a=5), kw(5, b=1))
try:
    kw(1, 2, b=3)
except TypeError as e:
    print("TypeError:", e)
try:
    kw(1, c=3)
except TypeError as e:
    print("TypeError:", e)
