# Module objects: attributes, __dict__, reload by deleting from sys.modules, setattr on modules.
import sys
sys.path.insert(0, "pkgs")
import helper_mod as h1
h1.CONSTANT = 1000
import helper_mod as h2
print(h2.CONSTANT, h1 is h2)
del sys.modules["helper_mod"]
import helper_mod as h3
print(h3.CONSTANT, h3 is h1, h1.CONSTANT)
print(type(h3).__name__, h3.__name__, h3.__spec__.name, h3.__loader__ is not None, sorted(k for k in ("greet", "Thing") if k in h3.__dict__))
setattr(h3, "dynamic", lambda: "dyn")
print(h3.dynamic(), getattr(h3, "missing", "default"))
try:
    h3.missing
except AttributeError as e:
    print("AttributeError:", e)
