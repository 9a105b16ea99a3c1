# from M import * respects __all__; module globals and dir().
import sys
sys.path.insert(0, "pkgs")
before = set(dir())
from helper_mod import *
added = sorted(set(dir()) - before - {"before"})
print(added)
import helper_mod
print(helper_mod.__all__, "_private" in vars(helper_mod), sorted(k for k in vars(helper_mod) if not k.startswith("__")))
from geom import *
print("Vec" in dir(), "VERSION" in dir(), "vector" in dir())
