def f(x):
    match x:
        case 1:
            return 'one'
        case 'two' | 'deux':
            return 2
        case None:
            return None
        case _:
            return 'other'
