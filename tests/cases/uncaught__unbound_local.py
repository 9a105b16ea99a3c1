# Ends with UnboundLocalError from reading a local before assignment.
total = 0

def add(values):
    for v in values:
        total += v
    return total

print(add([]))
