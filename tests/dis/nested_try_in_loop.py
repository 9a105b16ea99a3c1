def f(xs):
    for x in xs:
        try:
            try:
                x()
            except ValueError:
                continue
        finally:
            pass
