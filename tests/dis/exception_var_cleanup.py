def f():
    try:
        pass
    except Exception as e:
        return e
    e = 1
    return e
