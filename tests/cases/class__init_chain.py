# __init__ chains via super() with arguments, default object.__init__ argument rules.
class A:
    def __init__(self, a, **kw):
        print("A.__init__", a, kw)
        super().__init__(**kw)
        self.a = a
class B:
    def __init__(self, b=0, **kw):
        print("B.__init__", b, kw)
        super().__init__(**kw)
        self.b = b
class C(A, B):
    def __init__(self, c, **kw):
        print("C.__init__", c)
        super().__init__(**kw)
        self.c = c
obj = C(1, a=2, b=3)
print(obj.a, obj.b, obj.c, [k.__name__ for k in C.__mro__])
try:
    C(1, a=2, b=3, extra=4)
except TypeError as e:
    print("TypeError:", e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print("TypeError:", e)
class NewOnly:
    def __new__(cls, *args):
        return super().__new__(cls)
print(type(NewOnly(1, 2)).__name__)
class InitOnly:
    def __init__(self, *args):
        self.args = args
print(InitOnly(1, 2).args)
try:
    object.__new__(NoInit, 1)
except TypeError as e:
    print("TypeError:", e)
