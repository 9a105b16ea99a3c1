def f(data):
    total = 0
    vals = [total := total + x for x in data]
    return total, vals
