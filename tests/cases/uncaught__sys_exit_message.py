# Ends with sys.exit("msg"): message on stderr, exit status 1.
import sys
print("stdout before exit")
sys.exit("fatal: something went wrong")
