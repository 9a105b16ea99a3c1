# input() with empty stdin raises EOFError; the prompt is still written.
import sys
try:
    line = input("prompt> ")
    print("read", repr(line))
except EOFError as e:
    print()
    print("EOFError:", repr(e))
print(sys.stdin.read(), "stdin read returns empty string", sys.stdin.readline() == "")
