# sys.stdout / sys.stderr write and flush, and interleaving with print.
import sys
n = sys.stdout.write("written directly\n")
print("write returned", n)
sys.stdout.write("no newline ")
sys.stdout.flush()
print("then print")
sys.stderr.write("to stderr line 1\n")
print("err msg", file=sys.stderr)
sys.stderr.flush()
print(sys.stdout.writable(), sys.stderr.writable(), sys.stdout.isatty() in (True, False))
sys.stdout.writelines(["a\n", "b\n"])
print(sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr)
