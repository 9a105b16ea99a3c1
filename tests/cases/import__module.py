# Importing a plain .py module: execution once, attributes, from-import, aliasing.
import sys
sys.path.insert(0, "pkgs")
import helper_mod
import helper_mod as hm
from helper_mod import greet, CONSTANT as C
print(helper_mod.CONSTANT, hm is helper_mod, greet("x"), C, helper_mod.Thing(), helper_mod.__name__, helper_mod.__doc__)
print("helper_mod" in sys.modules, helper_mod.__file__.endswith("helper_mod.py"), type(helper_mod).__name__)
import helper_mod
print("second import did not re-run")
from helper_mod import *
print(CONSTANT, greet("star"), "_private" in dir(), "Thing" in dir())
