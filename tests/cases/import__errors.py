# Import errors: missing modules, missing names, failing module bodies, cycles.
import sys
sys.path.insert(0, "pkgs")
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from helper_mod import not_there
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
try:
    import raises_on_import
except ValueError as e:
    print("ValueError:", e, "| in sys.modules:", "raises_on_import" in sys.modules)
try:
    import geom.nonexistent
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
import cyc_a
print(cyc_a.from_b(), cyc_a.A_VALUE)
try:
    __import__("")
except ValueError as e:
    print("ValueError:", e)
m = __import__("geom.shapes")
print(m.__name__, __import__("geom.shapes", fromlist=["x"]).__name__)
