# Many simultaneously suspended generators; round-robin scheduling; generator finalisation order.
def worker(name, steps):
    for i in range(steps):
        yield f"{name}:{i}"
    return name
gens = [worker(f"w{i}", i % 4 + 1) for i in range(8)]
log = []
finished = []
while gens:
    for g in list(gens):
        try:
            log.append(next(g))
        except StopIteration as e:
            finished.append(e.value)
            gens.remove(g)
print(len(log), log[:10], finished)
many = [iter(range(i)) for i in range(1000)]
print(sum(sum(g) for g in many))
def fin(i, out):
    try:
        yield i
    finally:
        out.append(i)
out = []
gs = [fin(i, out) for i in range(5)]
for g in gs:
    next(g)
for g in reversed(gs):
    g.close()
print(out)
