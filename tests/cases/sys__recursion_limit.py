# RecursionError at the configured limit; recovery afterwards.
import sys
def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
d1 = depth()
sys.setrecursionlimit(400)
d2 = depth()
sys.setrecursionlimit(old)
print(150 < d1 < 200, 350 < d2 < 400, d2 - d1)
def infinite():
    return infinite()
try:
    infinite()
except RecursionError as e:
    print("RecursionError:", e)
print("recovered", sum(range(10)))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
class Deep:
    def __repr__(self):
        return repr(self)
try:
    repr(Deep())
except RecursionError as e:
    print("RecursionError from __repr__:", e)
