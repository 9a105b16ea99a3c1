# Ends with an exception raised while handling another (implicit chaining).
def load(items, index):
    try:
        return items[index]
    except IndexError:
        return items["fallback"]

print(load([1, 2], 0))
load([1, 2], 5)
