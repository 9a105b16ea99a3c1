# pass, semicolons, line continuation, global statements at module level, docstrings.
"""Module docstring."""
print(__doc__)
def f(): pass
class C: pass
if True: pass
x = 1; y = 2; print(x + y)
total = (1 +
         2 +
         3)
other = 1 + \
    2
print(total, other)
print(__name__, type(__builtins__).__name__ if not isinstance(__builtins__, dict) else "module")
lst = [
    1,
    2,
]
print(lst)
while False: pass
for _ in (): pass
global gg
gg = 5
print(gg)
if x:
    # comment-only line inside block
    pass
print("ok")
