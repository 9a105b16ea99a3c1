with open("f") as f:
    data = f.read()
with a() as x, b() as y:
    pass
with c():
    print(1)

def g():
    with lock:
        return 5
