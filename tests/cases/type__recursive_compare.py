# Comparing self-referential containers raises RecursionError instead of crashing, and so
# does repr of a very deep nesting.
x = {}
x["a"] = x
y = {}
y["a"] = y
try:
    print(x == y)
except RecursionError as e:
    print("RecursionError", e)
a = [1]
a.append(a)
b = [1]
b.append(b)
try:
    print(a < b)
except RecursionError as e:
    print("RecursionError", e)
print(a == a, [a] == [a])
deep = []
for i in range(100000):
    deep = [deep]
try:
    repr(deep)
except RecursionError as e:
    print("RecursionError", e)
t = ()
for i in range(50000):
    t = (t,)
u = ()
for i in range(50000):
    u = (u,)
try:
    print(t == u)
except RecursionError as e:
    print("RecursionError", e)
print(x["a"] is x)
