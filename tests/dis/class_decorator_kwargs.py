import dataclasses
@dataclasses.dataclass(frozen=True)
class P:
    x: int = 0
    y: int = 0
