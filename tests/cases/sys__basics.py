# sys: argv, path, modules, version_info, maxsize, byteorder, flags.
import sys
print(len(sys.argv), sys.argv[0].endswith("sys__basics.py"), type(sys.path).__name__, isinstance(sys.path[0], str))
print("sys" in sys.modules, "builtins" in sys.modules, "__main__" in sys.modules, sys.modules["__main__"].__name__)
print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor, sys.version_info >= (3, 11), sys.version_info < (3, 12))
print(type(sys.version).__name__, sys.version.startswith("3.11"), sys.hexversion >> 16 == 0x30B)
print(sys.maxsize == 2**63 - 1, sys.byteorder, sys.float_info.max == 1.7976931348623157e308, sys.float_info.epsilon, sys.float_info.dig)
print(sys.maxunicode, sys.getrecursionlimit() >= 1000)
print(type(sys.implementation.name).__name__, hasattr(sys.implementation, "version"))
print(sys.getdefaultencoding(), sys.platform, type(sys.executable).__name__, sys.flags.optimize, sys.flags.dont_write_bytecode in (0, 1))
print(callable(sys.exit), callable(sys.getsizeof), sys.stdout.encoding.lower().replace("-", ""), sys.stdin is not None)
print(hasattr(sys, "setrecursionlimit"), sys.exc_info(), sys.float_repr_style)
try:
    raise KeyError("x")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None, repr(sys.exception()))
old = sys.getrecursionlimit()
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
print(sys.intern("abc") == "abc", sys.getrefcount is not None, sys.argv[1:])
