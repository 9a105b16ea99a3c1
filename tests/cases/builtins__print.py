# print: sep, end, file, flush; input is not exercised (no stdin).
import sys
print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep="--", end="!\n")
print(1, 2.5, None, [1], (2,), {3: 4}, sep=" | ")
print("no newline", end="")
print(" continued")
print("to stdout", file=sys.stdout, flush=True)
print(*range(5), sep=",")
print("x", sep=None, end=None)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print("captured", 1, file=w, end=".")
print(w.parts)
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", file=5)
except AttributeError as e:
    print("AttributeError:", e)
print("unicode: ✓ 😀 日本")
print("tab\tand\\backslash")
