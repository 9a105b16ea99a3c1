# __doc__ in class dicts, and type(name, bases, ns) picking the most derived metaclass.
class A:
    pass


class B:
    "doc of B"


class B2(B):
    pass


print('__doc__' in A.__dict__, A.__doc__, B.__doc__, B().__doc__, B2.__doc__)
print(None.__doc__, '__doc__' in type(None).__dict__, '__doc__' in object.__dict__)


class M(type):
    pass


class C(metaclass=M):
    pass


print(type(C).__name__, type(type('D', (C,), {})).__name__)


class M1(type):
    pass


class M2(type):
    pass


class X(metaclass=M1):
    pass


class Y(metaclass=M2):
    pass


for make in (lambda: type('Z', (X, Y), {}), lambda: M1('Z', (Y,), {})):
    try:
        make()
    except TypeError as e:
        print('TypeError', e)


class Loud(type):
    def __new__(mcs, name, bases, ns, **kw):
        print('Loud.__new__', mcs.__name__, name, sorted(kw))
        return super().__new__(mcs, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        print('Loud.__init__', name)


class Base(metaclass=Loud):
    pass


E = type('E', (Base,), {'x': 1}, flag=True)
print(type(E).__name__, E.x)


# Class bodies whose namespace is a dict subclass: every store, load and delete goes
# through its methods.
class Recording(dict):
    def __setitem__(self, k, v):
        print('set', k)
        super().__setitem__(k, v)

    def __getitem__(self, k):
        if not k.startswith('__'):
            print('get', k)
        return super().__getitem__(k)

    def __delitem__(self, k):
        print('del', k)
        super().__delitem__(k)


class Prep(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return Recording()


class K(metaclass=Prep):
    a = 1
    b = a + 1
    del a
    c: int = 3
    try:
        del missing
    except NameError as e:
        print('NameError', e)

print(K.b, K.c, hasattr(K, 'a'))
