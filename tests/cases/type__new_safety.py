# T.__new__(S) requires the most derived builtin base of S to use T.__new__ itself.
try:
    int.__new__(bool, 0)
except TypeError as e:
    print(e)
class A:
    pass
class E(Exception):
    pass
class I(int):
    def __new__(cls, v):
        return int.__new__(cls, v + 1)
print(type(object.__new__(A)).__name__, type(Exception.__new__(E)).__name__, I(4), int.__new__(I, 7))
try:
    float.__new__(I, 1.0)
except TypeError as e:
    print(e)
