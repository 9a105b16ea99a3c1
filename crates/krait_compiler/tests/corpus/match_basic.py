def f(cmd):
    match cmd:
        case 0:
            return "zero"
        case 1 | 2:
            return "small"
        case [x, y]:
            return x + y
        case {"k": v}:
            return v
        case Point(x=0, y=yy):
            return yy
        case str() as s:
            return s
        case None:
            return None
        case _:
            return "other"
