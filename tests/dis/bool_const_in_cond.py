def f(x):
    if x and True:
        return 1
    if x or False:
        return 2
    while x and 0:
        pass
