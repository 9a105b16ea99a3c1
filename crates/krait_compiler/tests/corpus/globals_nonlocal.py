counter = 0

def bump():
    global counter
    counter += 1
    return counter

def outer():
    x = 1
    def mid():
        nonlocal x
        x = 2
        def inner():
            return x
        return inner
    return mid
