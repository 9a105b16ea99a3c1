def f(x):
    try:
        return x
    finally:
        print("cleanup")

def g():
    try:
        return 1
    finally:
        pass

def h(seq):
    for i in seq:
        try:
            if i:
                break
            continue
        finally:
            print(i)
