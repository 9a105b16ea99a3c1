def f(x):
    match x:
        case {'a': 1}:
            return 1
        case {'b': b, **rest}:
            return b, rest
