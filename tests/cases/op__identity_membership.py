# is, is not, in, not in.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a is not c, a == c, None is None, not a is c)
print(1 in [1, 2], 3 not in [1, 2], "b" in "abc", "" in "abc", "ac" in "abc", 2 in (1, 2), 2 in {2: 0}, 0 in {2: 0})
print(2 in range(0, 10, 2), 3 in range(0, 10, 2), -1 in range(-5, 0), 10**20 in range(10**21), 2.0 in range(3))
print(b"ab" in b"cabd", 97 in b"a", [1] in [[1], 2], float("nan") in [float("nan")])
n = float("nan")
print(n in [n], n == n, [n] == [n], (n,) == (n,))
class Seq:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError
        return i * i
print(9 in Seq(), 5 in Seq(), list(Seq()))
class It:
    def __iter__(self):
        return iter([10, 20])
print(20 in It(), 15 in It())
class Cont:
    def __contains__(self, x):
        return x == "magic"
print("magic" in Cont(), "other" in Cont(), "magic" not in Cont())
try:
    1 in 5
except TypeError as e:
    print("TypeError:", e)
try:
    1 in "abc"
except TypeError as e:
    print("TypeError:", e)
