def f(cm):
    with cm as x:
        return x
def g(cm):
    for i in range(3):
        with cm:
            if i:
                break
            continue
