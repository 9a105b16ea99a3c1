# A deque iterator that saw its deque mutated raises RuntimeError and has nothing left.
from collections import deque
from operator import length_hint
for make in (iter, reversed):
    d = deque(range(5))
    it = make(d)
    print(length_hint(it), next(it), length_hint(it))
    d.append(9)
    try:
        next(it)
    except RuntimeError as e:
        print("RuntimeError", e, length_hint(it))
    try:
        next(it)
    except RuntimeError as e:
        print("RuntimeError again", e)
