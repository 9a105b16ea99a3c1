"""Dictionary counting, grouping and lookups with str and int keys."""
def lcg(seed, n):
    out = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(seed)
    return out

nums = lcg(7, 300_000)
words = ["w%d" % (x % 5000) for x in nums]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
by_len = {}
for w, c in counts.items():
    by_len.setdefault(len(w), []).append(c)
icounts = {}
for x in nums:
    k = x % 10007
    if k in icounts:
        icounts[k] += 1
    else:
        icounts[k] = 1
hits = 0
for x in nums:
    if (x % 20011) in icounts:
        hits += 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(len(counts), top, {k: sum(v) for k, v in sorted(by_len.items())}, len(icounts), hits)
