try:
    from os import does_not_exist
except ImportError as e:
    print(e.name, e.path is not None, e.msg.split(" (")[0])
import sys
try:
    from sys import nothing_here
except ImportError as e:
    print(e.name, e.path)
