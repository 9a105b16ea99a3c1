"""Nested integer loops: local variable access, comparisons, int arithmetic."""
def work(n):
    total = 0
    i = 0
    while i < n:
        j = i % 7
        if j < 3:
            total += i * j
        else:
            total -= j
        total ^= i & 0xFF
        i += 1
    return total

def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    p = 2
    while p * p <= n:
        if flags[p]:
            for k in range(p * p, n + 1, p):
                flags[k] = False
        p += 1
    return sum(flags)

print(work(2_000_000), sieve(600_000))
