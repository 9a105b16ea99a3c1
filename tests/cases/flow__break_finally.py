# break/continue/return interacting with finally.
def f():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("finally", i)
    return i
print(f())
def g():
    try:
        return "try"
    finally:
        print("g finally")
print(g())
def h():
    try:
        return "try"
    finally:
        return "finally wins"
print(h())
def k():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i < 2:
                continue
            break
    return "swallowed", i
print(k())
def nested():
    try:
        try:
            return 1
        finally:
            print("inner")
    finally:
        print("outer")
print(nested())
