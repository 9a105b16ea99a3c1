def f(cm):
    try:
        with cm:
            return 1
    finally:
        print('x')
