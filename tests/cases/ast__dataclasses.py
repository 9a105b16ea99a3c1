# dataclasses: fields, defaults, default_factory, order, frozen, repr/eq, helpers.
import dataclasses
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
from typing import List, ClassVar

@dataclass
class Point:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0

p = Point(1)
q = Point(1, 0)
print(p, p == q, p != Point(2), p.tags is not q.tags)
p.tags.append('a')
print(p, asdict(p), astuple(p), replace(p, y=5))
print([f.name for f in fields(Point)], Point.count)
print(Point.__init__.__doc__ if False else Point.__match_args__)

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default='', compare=False)

vs = sorted([Version(2, 1), Version(1, 5, 'x'), Version(1, 0), Version(2, 0)])
print(vs)
print(Version(1) < Version(1, 1), Version(3) >= Version(2, 9), Version(1, 0, 'a') == Version(1, 0, 'b'))

@dataclass(frozen=True)
class Frozen:
    a: int
    b: str = 'b'

f = Frozen(1)
try:
    f.a = 2
except FrozenInstanceError as e:
    print('FrozenInstanceError', e)
print(f, hash(f) == hash(Frozen(1)), {f, Frozen(1)})

@dataclass
class Child(Point):
    z: int = 9

print(Child(1, 2, ['t'], 3))
try:
    Point()
except TypeError as e:
    print('TypeError', e)

@dataclass(repr=False, eq=False)
class Plain:
    v: int = field(default=1, repr=False)
print(Plain() == Plain(), dataclasses.is_dataclass(Plain), dataclasses.is_dataclass(Plain()))

@dataclass
class Post:
    a: int
    b: int = field(init=False)
    def __post_init__(self):
        self.b = self.a * 2
print(Post(4))
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print('TypeError', e)
try:
    @dataclass
    class Mut:
        a: list = []
except ValueError as e:
    print('ValueError', e)
D = dataclasses.make_dataclass('D', [('x', int), ('y', int, field(default=3))])
print(D(1), D.__dataclass_fields__['y'].default)
@dataclass(slots=True, kw_only=True)
class S:
    a: int
    b: int = 2
print(S(a=1), S.__slots__)
# The generated docstring comes from inspect.signature(cls).
print(Point.__doc__)
print(Version.__doc__)
