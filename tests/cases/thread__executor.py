# concurrent.futures.ThreadPoolExecutor: map, submit, exceptions, as_completed, wait.
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, ALL_COMPLETED

def square(x):
    return x * x

def fail(x):
    raise ValueError(f"bad {x}")

with ThreadPoolExecutor(max_workers=3) as ex:
    print(list(ex.map(square, range(10))))
    futs = [ex.submit(square, i) for i in range(5)]
    print(sorted(f.result() for f in as_completed(futs)))
    bad = ex.submit(fail, 7)
    try:
        bad.result()
    except ValueError as e:
        print("ValueError:", e)
    print(type(bad.exception()).__name__, bad.done(), bad.cancelled())
    done, pending = wait([ex.submit(sum, range(100)) for _ in range(4)], return_when=ALL_COMPLETED)
    print(len(done), len(pending), sorted(f.result() for f in done))
    try:
        list(ex.map(fail, [1, 2]))
    except ValueError as e:
        print("map ValueError:", e)
    print(list(ex.map(lambda a, b: a + b, "abc", "xyz")))
ex.shutdown()
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError:", e)
