def f(x):
    if x:
        return 1
    else:
        return 2
    return 3
def g():
    for i in range(3):
        continue
        print(i)
