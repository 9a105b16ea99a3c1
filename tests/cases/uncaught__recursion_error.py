# Ends with an uncaught RecursionError: the traceback collapses repeated lines.
def countdown(n):
    return countdown(n - 1) + 1

print("start")
countdown(10)
