# sys.stdout.buffer / sys.stdin.buffer: binary streams under the text ones (text is
# flushed before bytes are written, as programs mixing the two must).
import sys

print("text first")
sys.stdout.flush()
sys.stdout.buffer.write(b"bytes second\n")
buf = sys.stdout.buffer
buf.write("caf\u00e9\n".encode())
buf.flush()
print("text third", hasattr(sys.stderr, "buffer"), buf.mode, sys.stdin.buffer.mode)
print(repr(sys.stdin.buffer.read()))
sys.stdout.flush()
sys.stderr.buffer.write(b"to stderr\n")
