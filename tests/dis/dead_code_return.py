def f():
    return 1
    print('dead')
def g():
    raise ValueError
    x = 1
def h():
    while True:
        break
        print('dead')
