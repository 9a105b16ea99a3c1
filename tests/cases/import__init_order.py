# Import order: a package __init__ runs before its submodules; each module body runs once.
import sys
sys.path.insert(0, "pkgs")
print("before import")
import geom.shapes.square
print("after first import")
import geom.shapes.square
import geom.shapes
from geom.shapes import square as sq
print(sq is geom.shapes.square, [m for m in sorted(sys.modules) if m.startswith("geom")])
print(geom.shapes.square.ORIGIN, geom.VERSION)
