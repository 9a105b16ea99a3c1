# Packages: __init__, submodules, relative imports, attribute binding.
import sys
sys.path.insert(0, "pkgs")
import geom
print(geom.VERSION, geom.Vec(1, 2), geom.__name__, geom.__package__, hasattr(geom, "__path__"))
import geom.shapes
from geom.shapes import Circle
from geom.shapes.square import area, ORIGIN
c = Circle(2)
print(round(c.area(), 6), c.center, c.version, area(3), ORIGIN)
print(geom.shapes.square.__name__, geom.shapes.circle.Circle is Circle, "geom.shapes.circle" in sys.modules)
import geom.vector as gv
print(gv.Vec(1, 1) + gv.Vec(2, 3), gv.__name__, geom.vector is gv)
from geom import vector
print(vector is gv, sorted(k for k in sys.modules if k.startswith("geom")))
