"""geom package."""
print("geom/__init__ running")
from .vector import Vec
VERSION = "1.0"
