from .circle import Circle
from . import square
