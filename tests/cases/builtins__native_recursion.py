# Unbounded recursion through native code raises RecursionError, never crashes.
class A:
    pass
A.__call__ = A()
try:
    A()()
except RecursionError as e:
    print("call:", e)

nested = []
for i in range(100000):
    nested = [nested]
try:
    repr(nested)
except RecursionError as e:
    print("repr:", e)

a = []; a.append(a)
b = []; b.append(b)
try:
    a == b
except RecursionError as e:
    print("compare:", e)

t = (int,)
for i in range(5000):
    t = (t,)
try:
    isinstance(1, t)
except RecursionError as e:
    print("isinstance:", e)
try:
    issubclass(bool, t)
except RecursionError as e:
    print("issubclass:", e)
print("still alive", sum(range(10)))
