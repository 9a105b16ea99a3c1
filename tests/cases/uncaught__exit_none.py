# sys.exit(None) exits with status 0 and prints nothing on stderr.
import sys
print("bye")
sys.exit(None)
print("unreachable")
