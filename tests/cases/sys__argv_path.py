# sys.argv and sys.path[0] for a script run by relative path.
import sys
print(sys.argv, type(sys.argv).__name__)
print(sys.path[0].endswith("cases"), sys.path[0] != "", all(isinstance(p, str) for p in sys.path))
sys.argv.append("extra")
print(sys.argv[1:])
print(__file__ == sys.argv[0] or __file__.endswith(sys.argv[0]))
