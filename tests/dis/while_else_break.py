def f(n):
    while n:
        n -= 1
        if n == 3:
            break
    else:
        return 'exhausted'
    return n
