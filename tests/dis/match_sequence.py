def f(x):
    match x:
        case []:
            return 0
        case [a]:
            return a
        case [a, b, *rest]:
            return rest
        case (1, 2):
            return 12
