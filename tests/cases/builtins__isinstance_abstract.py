# isinstance/issubclass with objects that only have __bases__ / __class__ (abstract protocol).
class AbstractClass:
    def __init__(self, bases):
        self.bases = bases
    def getbases(self):
        return self.bases
    __bases__ = property(getbases)
    def __call__(self):
        return AbstractInstance(self)

class AbstractInstance:
    def __init__(self, klass):
        self.klass = klass
    def getclass(self):
        return self.klass
    __class__ = property(getclass)

AbstractSuper = AbstractClass(bases=())
AbstractChild = AbstractClass(bases=(AbstractSuper,))
Other = AbstractClass(bases=())
print(isinstance(AbstractChild(), AbstractChild), isinstance(AbstractChild(), AbstractSuper))
print(isinstance(AbstractSuper(), AbstractChild), isinstance(AbstractChild(), Other))
print(issubclass(AbstractChild, AbstractSuper), issubclass(AbstractSuper, AbstractChild))
print(issubclass(AbstractChild, (Other, AbstractSuper)))

class Fake:
    pass
class Impostor:
    __class__ = Fake
print(isinstance(Impostor(), Fake), isinstance(Impostor(), Impostor))

class E:
    @property
    def __bases__(self):
        raise RuntimeError("boom")
for call in (lambda: issubclass(E(), int), lambda: isinstance(1, E())):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
for call in (lambda: issubclass(1, int), lambda: issubclass(int, 1), lambda: isinstance(1, 1)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

# A base fan-out that recurses without end.
class Fan:
    @property
    def __bases__(self):
        return (self, self)
try:
    issubclass(Fan(), int)
except RecursionError:
    print("RecursionError")
print(type.__instancecheck__(int, True), type.__subclasscheck__(int, bool))
