def f():
    try:
        return 1
    finally:
        print('f')
def g():
    for i in range(3):
        try:
            break
        finally:
            print(i)
