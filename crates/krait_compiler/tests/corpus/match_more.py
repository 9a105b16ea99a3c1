def g(v):
    match v:
        case [1, *rest]:
            return rest
        case [*_, last]:
            return last
        case {"a": 1, **kw}:
            return kw
        case (a, b) if a > b:
            return a
        case x:
            return x
