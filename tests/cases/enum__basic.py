import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


print(list(Color))
print(Color.RED, repr(Color.GREEN), Color(3), Color['BLUE'])
print(Color.RED.name, Color.RED.value, len(Color))
print(Color.RED is Color(1), Color.RED == Color.GREEN)
a, b, c = Color
print(a, b, c)


class Num(IntEnum):
    ONE = 1
    TWO = 2


print(Num.ONE + 1, Num.TWO * 3, sorted([Num.TWO, Num.ONE]))


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


print(Perm.R | Perm.W, Perm.R in (Perm.R | Perm.X), [p.value for p in Perm])


class Bits(IntFlag):
    A = 1
    B = 2


print(Bits.A | Bits.B, int(Bits.A | Bits.B))

try:
    @unique
    class Dup(Enum):
        X = 1
        Y = 1
except ValueError as e:
    print("ValueError:", e)

try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)

print(enum.FlagBoundary.STRICT, enum.STRICT)
Animal = Enum('Animal', 'CAT DOG')
print(list(Animal), Animal.DOG.value)


# A class namespace from __prepare__ that is a dict subclass sees every store.
class NS(dict):
    def __setitem__(self, k, v):
        print("set", k)
        super().__setitem__(k, v)

    def __delitem__(self, k):
        print("del", k)
        super().__delitem__(k)


class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return NS()


class D(metaclass=Meta):
    x = 1
    y = x + 1
    del x

print(D.y, hasattr(D, 'x'))


# type(name, bases, ns) with a base whose metaclass is more derived uses that metaclass.
class M2(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("M2.__new__", name, kw)
        return super().__new__(mcs, name, bases, ns)


class B(metaclass=M2):
    pass


E = type('E', (B,), {}, flag=1)
print(type(E).__name__)
print(None.__doc__, '__doc__' in type(None).__dict__)
