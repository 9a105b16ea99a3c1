# types.GenericAlias (list[int]) and types.UnionType (int | str): repr, eq/hash, substitution, isinstance, __mro_entries__.
import sys
print(list[int], dict[str, list[int]], tuple[()], list[...], type[int])
print(type(list[int]), type(int|str))
print(int | str, int | None, None | int, int | list[int], (int|str)|(str|float), int|int)
print(hash(int|str)==hash(str|int), (int|str)==(str|int), (int|str)==int)
print(list[int]==list[int], list[int]!=list[str], hash(list[int])==hash(list[int]))
print(isinstance(1, int|str), isinstance(1.0, int|str), issubclass(bool, int|None), isinstance(None, int|None))
try: isinstance(1, list[int]|str)
except TypeError as e: print(e)
try: isinstance([], list[int])
except TypeError as e: print(e)
class A(list[int]): pass
print(A.__mro__, A.__orig_bases__)
x = list[int]([1,2]); print(x, type(x))
print(list[int].__origin__, list[int].__args__, list[int].__parameters__, list[int].__class__, list[int].__module__, list[int].__name__)
print(list[int].__reduce__())
try: list[int][int]
except TypeError as e: print(e)
print((int|str).__args__, (int|str).__parameters__)
try: int | 3
except TypeError as e: print(e)
print(hasattr(list, '__class_getitem__'), hasattr(type, '__class_getitem__'), hasattr(int, '__class_getitem__'))
print(list[int] | None, list[int]|list[int], repr(type(None) | int))
print(*tuple[int, str], list(tuple[int]))
class G:
    def __init__(self): pass
import types
a = types.GenericAlias(G, int)
o = a(); print(o.__orig_class__ is a)
print(enumerate[int], {int|str: 1}[str|int])


class TV:
    """A minimal TypeVar: has __typing_subst__."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "~" + self.name

    def __typing_subst__(self, arg):
        return arg


T, S = TV("T"), TV("S")
print(list[T].__parameters__, dict[str, T][int], dict[T, list[S]][str, int], dict[T, list[T]][int])
try:
    dict[T, T][int, str]
except TypeError as e:
    print(e)
print((int | list[T]).__parameters__, (int | list[T])[str])
