# classmethod and staticmethod.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_str(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class MyDate(Date):
    pass
print(Date.from_str("2024-02-29"), MyDate.from_str("1999-12-31"), Date(1, 1, 1).from_str("5-6-7"))
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024))
print(type(Date.__dict__["from_str"]).__name__, type(Date.__dict__["is_leap"]).__name__)
sm = Date.__dict__["is_leap"]
print(sm.__func__(2023), callable(sm))
cm = classmethod(lambda cls: cls.__name__)
class K:
    name = cm
print(K.name(), K().name())
class Registry:
    items = []
    @classmethod
    def add(cls, x):
        cls.items.append(x)
        return cls
Registry.add(1).add(2)
print(Registry.items)
