from __future__ import annotations

x: List[int] = []

def f(a: Dict[str, int]) -> Optional[int]:
    return None
