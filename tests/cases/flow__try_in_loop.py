# try/except/finally inside loops with break, continue and return.
def process(items):
    out = []
    for it in items:
        try:
            if it is None:
                continue
            if it == "stop":
                break
            out.append(10 // it)
        except ZeroDivisionError:
            out.append("div0")
            continue
        except TypeError as e:
            out.append("type")
        else:
            out.append("ok")
        finally:
            out.append("f")
    return out
print(process([1, None, 0, "x", 5, "stop", 7]))
def first_int(vals):
    for v in vals:
        try:
            return int(v)
        except ValueError:
            pass
        finally:
            print("tried", repr(v))
    return None
print(first_int(["a", "b", "3", "4"]), first_int([]))
i = 0
while i < 5:
    try:
        i += 1
        if i % 2:
            raise ValueError(i)
    except ValueError as e:
        print("odd", e.args[0])
        continue
    print("even", i)
