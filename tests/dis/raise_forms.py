def f(x):
    if x == 1:
        raise
    if x == 2:
        raise ValueError
    if x == 3:
        raise ValueError('m') from None
    raise TypeError() from ValueError()
