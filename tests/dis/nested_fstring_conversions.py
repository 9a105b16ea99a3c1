def f(obj, width):
    return f'{obj!r:>{width}}|{obj.attr!s}|{obj[0]:x}'
