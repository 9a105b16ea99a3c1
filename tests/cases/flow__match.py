# The match statement (3.10+).
def m(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2:
            return "one or two"
        case int(n) if n < 0:
            return f"negative {n}"
        case str() as s:
            return f"str {s}"
        case [x, y]:
            return f"pair {x},{y}"
        case [x, *rest]:
            return f"seq head {x} rest {rest}"
        case {"k": val, **others}:
            return f"map {val} {others}"
        case (True | False) as b:
            return "unreached"
        case None:
            return "none"
        case _:
            return "other"
for v in [0, 2, -5, "hi", [1, 2], (1, 2, 3), {"k": 9, "z": 1}, None, 3.5, 42, []]:
    print(repr(v), "->", m(v))
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point():
            return "somewhere"
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1)]:
    print(where(p))
match (1, "a"):
    case (1, "b"):
        print("no")
    case (1, str(s)):
        print("yes", s)
