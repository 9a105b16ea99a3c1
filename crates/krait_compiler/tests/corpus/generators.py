def gen(n):
    for i in range(n):
        yield i
    return "done"

def deleg(it):
    x = yield from it
    return x

def send_demo():
    received = yield
    while received:
        received = yield received * 2
