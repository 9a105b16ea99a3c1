"""Generator pipelines: generator functions, generator expressions, yield from."""
def numbers(n):
    for i in range(n):
        yield i

def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x

def squares(it):
    for x in it:
        yield x * x

def chunks(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf

def flatten(rows):
    for row in rows:
        yield from row

total = 0
for chunk in chunks(squares(evens(numbers(2_000_000))), 100):
    total += sum(chunk) % 1000
s2 = sum(x for x in flatten(chunks(numbers(600_000), 7)) if x % 3)
s3 = sum(1 for _ in (y for y in range(800_000) if y & 1))
print(total, s2, s3)
