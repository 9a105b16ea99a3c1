import importlib.util
import locale
import signal
import atexit
import gc
import _imp
import sys

print(importlib.util.cache_from_source('/a/b.py').startswith('/a/__pycache__/b.'))
print(importlib.util.decode_source(b'x = 1\n'))

# _imp
print(_imp.source_hash(key=3495, source=b'abc'), _imp.source_hash(1, b''))
print(_imp.is_builtin('sys'), _imp.is_builtin('no_such_module'), _imp.check_hash_based_pycs)
print(_imp.is_frozen('json'), _imp.find_frozen('json'), _imp.lock_held())
_imp.acquire_lock()
_imp.acquire_lock()
print(_imp.lock_held())
_imp.release_lock()
_imp.release_lock()
try:
    _imp.release_lock()
except RuntimeError as e:
    print('RuntimeError', e)
print(_imp.create_builtin(importlib.util.spec_from_loader('gc', None)).__name__)

# gc
print(gc.isenabled(), type(gc.collect()).__name__, gc.get_threshold(), gc.get_freeze_count())
gc.disable()
print(gc.isenabled())
gc.enable()
gc.set_threshold(100, 5)
print(gc.get_threshold(), gc.garbage, gc.callbacks)
gc.set_threshold(700, 10, 10)
print(gc.is_tracked(1), gc.is_tracked('s'), gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({'a': []}))
try:
    gc.collect(3)
except ValueError as e:
    print('ValueError', e)

# signal (handlers are recorded, not delivered)
print(signal.SIGINT, signal.SIGTERM, signal.NSIG, repr(signal.SIG_DFL), repr(signal.Signals(15)))
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler, signal.getsignal(signal.SIGTERM))
def handler(signum, frame):
    pass
print(signal.signal(signal.SIGTERM, handler), signal.getsignal(signal.SIGTERM) is handler)
print(signal.signal(signal.SIGTERM, signal.SIG_DFL) is handler)
for args in [(0, signal.SIG_DFL), (signal.SIGKILL, signal.SIG_IGN), (signal.SIGTERM, 'x')]:
    try:
        signal.signal(*args)
    except (ValueError, OSError, TypeError) as e:
        print(type(e).__name__, e)
print(len(signal.valid_signals()), signal.SIGINT in signal.valid_signals())
print([signal.strsignal(n) for n in (1, 2, 15, 31, 32, 34, 64)])
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print('KeyboardInterrupt')

# locale
print(locale.setlocale(locale.LC_NUMERIC), locale.setlocale(locale.LC_ALL, 'C'), locale.setlocale(locale.LC_ALL))
conv = locale.localeconv()
print(sorted(conv.items()))
print(locale.CHAR_MAX, locale.LC_ALL, locale.LC_CTYPE, locale.LC_NUMERIC)
try:
    locale.setlocale(locale.LC_ALL, 'no_such_LOCALE')
except locale.Error as e:
    print('locale.Error', e, locale.Error.__mro__)
print(locale.format_string('%.2f', 1234.5, grouping=True), locale.str(2.5), locale.atof('3.25'))
print(locale.strcoll('a', 'b'), locale.strxfrm('abc'))

# atexit bookkeeping (the run at exit is tested by atexit__at_exit)
n = atexit._ncallbacks()
def f():
    print('never')
atexit.register(f)
atexit.register(f)
print(atexit._ncallbacks() - n)
atexit.unregister(f)
print(atexit._ncallbacks() - n)
try:
    atexit.register(1)
except TypeError as e:
    print('TypeError', e)
print(atexit.register(print) is print)
atexit.unregister(print)
print('marshal' in sys.builtin_module_names, 'gc' in sys.builtin_module_names)
