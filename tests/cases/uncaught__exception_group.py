# Ends with an uncaught ExceptionGroup: the traceback is drawn as a tree.
def task(n):
    if n % 2:
        raise ValueError(f"task {n} failed")
    return n

errors = []
for i in range(4):
    try:
        task(i)
    except ValueError as e:
        errors.append(e)
raise ExceptionGroup("some tasks failed", errors)
