def f(paths):
    for p in paths:
        with open(p) as fh:
            if not fh:
                continue
            for line in fh:
                if line:
                    break
            else:
                return None
