x: int = 1
y: 'str'
class C:
    a: int
    b: list[int] = []
def f():
    z: int = 2
    return z
