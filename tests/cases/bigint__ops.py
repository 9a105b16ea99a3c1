# Big int operations: bitwise, shifts, pow, gcd-like algorithms, comparisons with floats.
x = 2**200 + 2**100 + 12345
y = 3**150
print(x + y, x - y, y - x, x * y % 2**64, x // y, x % y, -x // y, -x % y)
print(x & y, x | y, x ^ y, ~x, x >> 150, x << 3, (-x) >> 100, (-x) & 0xFFFF)
print(pow(x, 3, 10**9 + 7), pow(y, -1, 2**61 - 1), x.bit_length(), y.bit_length(), (-x).bit_length(), x.bit_count())
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(x, y), gcd(2**300, 6**100), gcd(10**50, 15**40))
def isqrt(n):
    r = n
    while True:
        r2 = (r + n // r) // 2
        if r2 >= r:
            return r
        r = r2
print(isqrt(10**100), isqrt(2 * 10**60))
print(x > 1e60, x < float("inf"), float(x), x == float(x), 2**1024 > 1.7976931348623157e308, int(1e200) == 10**200)
try:
    float(2**1024)
except OverflowError as e:
    print("OverflowError:", e)
print((x * y) // y == x, (x ** 5) ** (1 / 5) if False else "skip", x.to_bytes(26, "big")[:4], int.from_bytes(x.to_bytes(26, "little"), "little") == x)
fib = [0, 1]
for _ in range(500):
    fib.append(fib[-1] + fib[-2])
print(fib[500], fib[500] % 1000000007, len(str(fib[500])))
print(sorted([2**100, -2**100, 2**99, 0, -1]), max(2**70, 2.0**70), min(-(2**70), -1e21))
