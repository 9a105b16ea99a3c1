def f(x):
    if x:
        print(x)
def g(x):
    for i in x:
        if i:
            return i
def h():
    try:
        pass
    except:
        pass
