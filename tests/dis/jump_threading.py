def f(a, b, c):
    if a and b:
        x = 1
    elif a or c:
        x = 2
    else:
        x = 3
    while a and not b:
        a = c
    return x
