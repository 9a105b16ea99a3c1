# Metaclasses: __new__/__init__/__call__, class attributes, registries, type checks.
class Registry(type):
    classes = {}
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes[name] = cls
        return cls
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.field_names = sorted(k for k in ns if not k.startswith("_"))
    def __repr__(cls):
        return f"<model {cls.__name__}>"
    def __len__(cls):
        return len(cls.field_names)
class Model(metaclass=Registry):
    pass
class User(Model):
    name = "n"
    email = "e"
    def _private(self): pass
print(sorted(Registry.classes), User.field_names, repr(User), len(User), type(User).__name__, isinstance(User, Registry))
print(type(Model) is Registry, type(User()) is User, Registry.__mro__)
class Singleton(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class Config(metaclass=Singleton):
    def __init__(self, v):
        self.v = v
print(Config(1).v, Config(2).v, Config(1) is Config(3))
Dyn = Registry("Dyn", (Model,), {"x": 1, "y": 2})
print(repr(Dyn), Dyn.field_names, "Dyn" in Registry.classes)
