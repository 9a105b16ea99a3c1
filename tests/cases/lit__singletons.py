# None, bools, Ellipsis and NotImplemented.
print(None, True, False, ..., Ellipsis, NotImplemented)
print(repr(None), repr(...), type(None), type(...), type(NotImplemented))
print(... is Ellipsis, None is None, True is True, type(True) is bool)
print(True + True, True * 10, False - 1, True / 2, True // 1, -True, ~True, ~False)
print(int(True), float(False), str(True), bool(None), bool(...))
print(isinstance(True, int), issubclass(bool, int), True == 1, False == 0, hash(True), hash(False))
print(True & False, True | False, True ^ True, type(True & False), type(True + 0))
print(None == False, None == 0, bool(0), bool(0.0), bool(""), bool([]), bool(()), bool({}), bool(set()))
print(bool(-0.0), bool(0j), bool(" "), bool([0]), bool(1e-300))
d = {None: 1, True: 2, 1: 3, ...: 4}
print(d)
