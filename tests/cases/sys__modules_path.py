# Module objects and sys.modules manipulation.
import sys
import math
m = sys.modules["math"]
print(m is math, math.__name__, type(math).__name__, hasattr(math, "__dict__"))
me = sys.modules[__name__]
me.injected = 42
print(injected)
ModuleType = type(sys)
fake = ModuleType("fake_mod", "A fake module.")
fake.value = "from fake"
sys.modules["fake_mod"] = fake
import fake_mod
print(fake_mod.value, fake_mod.__name__, fake_mod.__doc__)
del sys.modules["fake_mod"]
try:
    import fake_mod_that_does_not_exist
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from sys import does_not_exist
except ImportError as e:
    print("ImportError:", e)
print(sorted(k for k in ["sys", "math", "builtins"] if k in sys.modules))
