# Conditional expressions and assignment expressions inside comprehensions.
data = [3, -1, 4, -1, 5, -9, 2, 6]
print([abs(v) if v < 0 else v * 10 for v in data])
print([y for v in data if (y := v * v) > 10], y)
total = 0
running = [total := total + v for v in data]
print(running, total)
print({v: ("even" if v % 2 == 0 else "odd") for v in data if v > 0})
print([(v, w) for v in range(4) if v % 2 == 0 for w in range(v) if (v + w) % 3])
def first_match(pred, items):
    if any((hit := x) for x in items if pred(x)):
        return hit
    return None
print(first_match(lambda v: v > 4, data), first_match(lambda v: v > 100, data))
lines = ["a=1", "b", "c=3"]
print({k: v for line in lines if (parts := line.split("="))[0] and len(parts) == 2 for k, v in [parts]})
