# Output on stderr only, with exit status 0: the harness compares stderr too.
import sys
print("warning: this goes to stderr", file=sys.stderr)
sys.stderr.write("second line\n")
sys.stderr.write("no trailing newline")
