# Ends with an exception raised inside a generator consumed by a for loop.
def numbers(limit):
    for i in range(limit):
        if i == 3:
            raise RuntimeError(f"cannot produce {i}")
        yield i

for n in numbers(10):
    print("got", n)
