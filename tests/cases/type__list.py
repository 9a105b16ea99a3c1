# list methods.
l = [3, 1, 4, 1, 5, 9, 2, 6]
l.append(5)
l.extend([3, 5])
l.insert(0, 0)
l.insert(-1, 99)
l.insert(100, "end")
print(l, len(l))
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1)
print(l, l.index(5), l.index(5, 4), l.count(5), l.count(42))
l.sort()
print(l)
l.sort(reverse=True)
print(l)
l.reverse()
print(l)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
pairs.sort(key=lambda p: p[0])
print(pairs)
c = l.copy()
c.clear()
print(c, l[:2], [] == [], list(), list("abc"), list(range(3)), list({"k": 1}), list((1, 2)))
print([1, 2] * 2, [[0]] * 2, [1] + [2], [1, 2, 3] < [1, 3], [1, 2] == [1, 2.0], 2 in [1, 2])
nested = [[0] * 2] * 2
nested[0][0] = 1
print(nested)
for bad in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].index(2), lambda: [1].remove(2), lambda: [1, "a"].sort()]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
x = [1, 2, 3]
x[len(x):] = [4]
x[-1] = 40
print(x, x[-1], x.__len__(), list(reversed(x)), x.__contains__(2))
try:
    x[10] = 1
except IndexError as e:
    print("IndexError:", e)
m = [5, 3, 8]
m.sort(key=lambda v: -v)
print(m, sorted(m, key=None), max(m), min(m), sum(m))
print(list.__name__, type([]).__name__, [].__class__ is list, isinstance([], list))
a = [1, 2]
a.extend(a)
print(a)
