import os
import os.path as osp
from collections import OrderedDict as OD, deque
from . import sibling
from .pkg import thing
from os import *

def f():
    import json
    return os.getcwd(), json.dumps(1), osp.join("a")
