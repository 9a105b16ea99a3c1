# Unbound super(type): binding through __get__, its members and repr; argument errors.
class A:
    def meth(self, a):
        return "A(%r)" % a
class B(A):
    def meth(self, a):
        return "B(%r)" % a + self.__super.meth(a)
B._B__super = super(B)
print(B().meth(3))
s = super(B)
print(s.__thisclass__.__name__, s.__self__, s.__self_class__)
print(repr(s))
bound = s.__get__(B(), B)
print(type(bound).__name__, bound.__self_class__.__name__, bound.meth(1))
print(s.__get__(None, B) is s)
try:
    super(int, int, int)
except TypeError as e:
    print("TypeError", e)
def f(x):
    del x
    super()
try:
    f(1)
except RuntimeError as e:
    print("RuntimeError", e)
def g():
    super()
try:
    g()
except RuntimeError as e:
    print("RuntimeError", e)
