from __future__ import annotations
def f(a: int) -> str:
    x: list[int] = []
    return str(a)
class C:
    y: dict[str, int]
