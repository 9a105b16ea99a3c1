import a.b.c
import a.b.c as d
from a.b import (c, d as e)
from .. import parent
from ...x.y import z
