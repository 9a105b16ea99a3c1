# faulthandler: enable/disable state, dump_traceback to a file descriptor, argument errors.
import faulthandler, os, sys, tempfile

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

print(faulthandler.is_enabled())
faulthandler.enable()
print(faulthandler.is_enabled(), faulthandler.disable(), faulthandler.is_enabled(), faulthandler.disable())

path = os.path.join(tempfile.mkdtemp(), 'tb.txt')

def inner(f):
    faulthandler.dump_traceback(f, all_threads=False)

def outer(f):
    inner(f)

with open(path, 'w') as f:
    outer(f)
    fd = f.fileno()
    faulthandler.dump_traceback(fd, all_threads=False)
with open(path) as f:
    print(f.read().replace(os.path.abspath(__file__), 'THIS').replace(__file__, 'THIS'))
with open(path, 'w') as f:
    faulthandler.dump_traceback(f)
with open(path) as f:
    first = f.readline()
    print(first.startswith('Current thread 0x'), first.endswith('(most recent call first):\n'), f.readline().split(',')[1:])
os.remove(path)
show(faulthandler.dump_traceback, -1)
show(faulthandler.dump_traceback, 'x')
show(faulthandler.dump_traceback_later, 0)
show(faulthandler.dump_traceback_later, -1.5)
print(faulthandler.cancel_dump_traceback_later())
show(faulthandler.register, 11)
show(faulthandler.unregister, 10)
