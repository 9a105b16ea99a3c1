# sys.exit() and sys.exit(0)/None exit with status 0 and finally blocks run.
import sys
try:
    sys.exit()
except SystemExit as e:
    print("caught SystemExit", e.code, e.args)
try:
    sys.exit(5)
except SystemExit as e:
    print("caught", e.code)
try:
    raise SystemExit("text")
except SystemExit as e:
    print("caught", repr(e.code))
try:
    print("exiting")
    sys.exit(0)
finally:
    print("finally runs on exit")
print("never printed")
