# Generator __name__/__qualname__: from the function, writable with strings only.
def func():
    yield 1
g = func()
print(g.__name__, g.__qualname__)
g.__name__ = "name"
g.__qualname__ = "qualname"
print(g.__name__, g.__qualname__)
for attr in ("__name__", "__qualname__"):
    for op in (lambda: setattr(g, attr, 123), lambda: delattr(g, attr)):
        try:
            op()
        except TypeError as e:
            print("TypeError", e)
func.__name__ = "func_name"
func.__qualname__ = "func_qualname"
g2 = func()
print(g2.__name__, g2.__qualname__)
print((x for x in ()).__name__)
