# SystemExit codes: None, ints, strings, other objects, and exit inside nested calls with finally.
import sys
def run(code):
    try:
        try:
            sys.exit(code)
        finally:
            print("finally for", repr(code))
    except SystemExit as e:
        return e.code, e.args
for code in [None, 0, 1, 255, -1, "message", 3.5, [1, 2]]:
    print(run(code))
def deep(n):
    if n == 0:
        raise SystemExit(7)
    deep(n - 1)
try:
    deep(5)
except SystemExit as e:
    print("from deep:", e.code)
try:
    exit_fn = sys.exit
    exit_fn()
except SystemExit as e:
    print("sys.exit() code:", e.code)
