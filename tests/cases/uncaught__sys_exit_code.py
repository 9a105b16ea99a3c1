# Ends with sys.exit(3): exit status 3, nothing on stderr.
import sys
print("about to exit")
sys.stdout.flush()
try:
    sys.exit(3)
finally:
    print("finally still runs")
