# Ends with a ZeroDivisionError raised three calls deep.
def ratio(a, b):
    return a / b

def average(values):
    return ratio(sum(values), len(values))

def report(groups):
    for name, values in groups.items():
        print(name, average(values))

report({"full": [1, 2, 3], "empty": []})
