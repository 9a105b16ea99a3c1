match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, 2, z=3) | Point3D():
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case {1: _, True: b}:
        pass
    case [1, 2, *others]:
        pass
    case [*_]:
        pass
    case (1 | 2) as n:
        pass
    case -1 | 1.5 | 2j | -3+4j | 5-6j:
        pass
    case "str" "ing" | b"bytes":
        pass
    case None | True | False:
        pass
    case a.b.c:
        pass
    case (x, y) if x > y:
        pass
    case ():
        pass
    case []:
        pass
    case (a):
        pass
    case (a,):
        pass
    case _:
        pass
match x,:
    case _: pass
match *a, b:
    case [*_, last]: pass
