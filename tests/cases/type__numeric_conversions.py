# complex.__complex__, the pow slot wrapper's optional modulus, int()/float() of a
# memoryview, and struct_time's dict argument.
import time
c = complex(1, 2)
class C(complex):
    pass
print(c.__complex__() is c, type(C(3, 4).__complex__()).__name__, C(3, 4).__complex__())
print((2.0).__pow__(3, None), (2.0).__rpow__(3), complex.__pow__(1j, 2, None))
print(int(memoryview(b"42")), float(memoryview(b" 1.5 ")), int(memoryview(b"12")[1:]))
for bad in (lambda: int(memoryview(b"4x")),):
    try:
        bad()
    except ValueError as e:
        print(e)
print(tuple(time.struct_time("123456789")), time.struct_time("123456789", {"tm_zone": "Z"}).tm_zone)
for args in (("123456789",), ("123",)):
    for kw in ({"dict": None}, {"dict": {}}):
        try:
            time.struct_time(*args, **kw)
            print("ok")
        except TypeError as e:
            print(e)
