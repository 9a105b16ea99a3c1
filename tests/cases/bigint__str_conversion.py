# Huge ints: str/int round trips and arithmetic.
a = 3 ** 1000
s = str(a)
print(len(s), s[:20], s[-20:], int(s) == a)
b = -(7 ** 500)
print(str(b)[:15], len(str(b)), int(str(b)) == b, repr(b) == str(b))
f = 1
for i in range(2, 301):
    f *= i
print(len(str(f)), str(f)[:30], str(f).count("0"))
print(hex(a)[:20], len(bin(a)), oct(a)[-10:], int(hex(a), 16) == a, int(bin(b), 2) == b)
print(a % 10**9, a // 10**470 % 10**9, divmod(a, 7**300)[1] % 1000, (a * b) % 1000003)
print((10**50 + 1) ** 3, (2**200 - 1) // (2**100 + 1), -(10**40) // 7, -(10**40) % 7)
print(2**1000 > 10**301, 2**1000 < 10**302, (2**64) ** 2 == 2**128, 10**100 - 1 == int("9" * 100))
big = int("1234567890" * 30)
print(big % 97, big // 10**290, len(str(big * big)), str(big * big)[:25])
print(sum(range(10**6, 10**6 + 1000)) * 10**40, abs(-(10**60)), hash(10**60) == hash(10**60))
print(int("-" + "0" * 50 + "1"), int("1" + "0" * 100) == 10**100, f"{10**30:,}", f"{-(2**80):x}")
