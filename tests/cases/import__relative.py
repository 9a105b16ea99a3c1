# Relative imports resolved through a package's __package__; submodule attributes.
import sys
sys.path.insert(0, "pkgs")
from geom.shapes import circle, square
print(circle.Circle(1).version, square.area(4), circle.__package__, square.__package__)
import geom.shapes.circle as c2
print(c2 is circle, c2.Vec is sys.modules["geom.vector"].Vec)
import geom
print(hasattr(geom, "shapes"), hasattr(geom.shapes, "circle"), geom.shapes.__name__)
try:
    exec("from . import anything", {"__name__": "top", "__package__": None})
except ImportError as e:
    print("ImportError:", e)
try:
    exec("from .. import anything", {"__name__": "geom.vector", "__package__": "geom"})
except ImportError as e:
    print("ImportError:", e)
