def f(x):
    match x:
        case [1 | 2 as y, *_] as whole:
            return y, whole
        case (a, b) | [b, a, _]:
            return a
