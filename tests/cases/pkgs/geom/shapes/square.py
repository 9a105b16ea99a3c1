from geom.vector import Vec
def area(side):
    return side * side
ORIGIN = Vec(0, 0)
print("square imported as", __name__, "package", __package__)
