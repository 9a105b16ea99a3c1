x: int = 1
y: str
z: "List[int]" = []
obj.attr: int = 5
d["k"]: int

def f(a: int, b: str = "x", *args: int, c: float, **kw: dict) -> bool:
    local: int = 3
    return True

class C:
    field: int = 0
    other: str
