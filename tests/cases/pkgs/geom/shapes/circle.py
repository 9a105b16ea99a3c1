import math
from ..vector import Vec
from .. import VERSION
class Circle:
    def __init__(self, r):
        self.r = r
        self.center = Vec(0, 0)
    def area(self):
        return math.pi * self.r ** 2
    version = VERSION
