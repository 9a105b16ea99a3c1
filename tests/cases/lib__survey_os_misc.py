import shutil, glob, fnmatch, pathlib, os, tempfile, collections, itertools, functools, struct, difflib, queue, threading, logging, traceback, weakref, numbers, abc, time, timeit, getopt, optparse, shlex, platform, sys, io
d = tempfile.mkdtemp()
p = pathlib.Path(d)
(p / 'a.txt').write_text('hello')
(p / 'sub').mkdir()
(p / 'sub' / 'b.py').write_bytes(b'x=1')
print(sorted(x.name for x in p.iterdir()), (p / 'a.txt').read_text(), (p / 'a.txt').stat().st_size, p.joinpath('sub', 'b.py').suffix)
print(sorted(os.path.relpath(x, d) for x in glob.glob(os.path.join(d, '**', '*'), recursive=True)), fnmatch.fnmatch('foo.py', '*.py'), fnmatch.filter(['a.c', 'b.h'], '*.c'))
print(sorted(str(x.relative_to(p)) for x in p.rglob('*.py')), pathlib.PurePosixPath('/a/b/c.tar.gz').suffixes, pathlib.PurePath('x/y').parts)
shutil.copy(p / 'a.txt', p / 'c.txt'); shutil.copytree(p / 'sub', p / 'sub2'); shutil.move(str(p / 'c.txt'), str(p / 'd.txt'))
print(sorted(os.listdir(d)), shutil.which('sh') is not None)
shutil.rmtree(d); print(os.path.exists(d))
print(collections.Counter('abracadabra').most_common(2), collections.OrderedDict(a=1), collections.namedtuple('P', 'x y')(1, 2), collections.ChainMap({1: 2}, {3: 4})[3])
print(list(itertools.islice(itertools.count(), 3)), list(itertools.permutations('abc', 2))[:3], list(itertools.groupby('aabbc')) and [k for k, _ in itertools.groupby('aabbc')])
@functools.lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), functools.reduce(operator_add if False else (lambda a, b: a + b), [1, 2, 3]), functools.partial(int, base=2)('101'))
@functools.singledispatch
def f(x): return 'obj'
@f.register
def _(x: int): return 'int'
print(f(1), f('s'), sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
print(struct.pack('<iHd', 1, 2, 3.5), struct.unpack('>I', b'\x00\x00\x01\x00'), struct.calcsize('@ihq'))
print(list(difflib.unified_diff(['a\n', 'b\n'], ['a\n', 'c\n'], 'x', 'y')), difflib.SequenceMatcher(None, 'abcd', 'bcde').ratio(), difflib.get_close_matches('appel', ['ape', 'apple', 'peach']))
q = queue.Queue(); q.put(1); q.put(2); print(q.get(), q.qsize(), queue.PriorityQueue().empty(), queue.LifoQueue().maxsize)
lock = threading.Lock()
with lock:
    print(lock.locked())
ev = threading.Event(); ev.set(); print(ev.is_set(), threading.current_thread().name, threading.RLock() is not None, threading.local() is not None)
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format='%(levelname)s:%(name)s:%(message)s')
logging.getLogger('x').info('hello %s', 'log'); logging.getLogger('x').debug('no')
try:
    1 / 0
except ZeroDivisionError:
    print(traceback.format_exc().splitlines()[-1])
print(traceback.format_exception_only(ValueError, ValueError('v')))
class O: pass
o = O(); r = weakref.ref(o); print(r() is o); del o; print(r())
wd = weakref.WeakValueDictionary(); k = O(); wd['a'] = k; print(len(wd), wd['a'] is k)
print(isinstance(1, numbers.Integral), isinstance(1.5, numbers.Real), issubclass(complex, numbers.Complex))
class A(abc.ABC):
    @abc.abstractmethod
    def m(self): ...
try:
    A()
except TypeError as e:
    print(e)
print(type(time.time()), time.strftime('%Y', time.gmtime(0)), time.monotonic() > 0, time.perf_counter_ns() > 0)
print(timeit.timeit('x=1', number=10) >= 0, getopt.getopt(['-a', '1', 'rest'], 'a:'), getopt.gnu_getopt(['x', '--long=2'], '', ['long=']))
parser = optparse.OptionParser(); parser.add_option('-n', type='int', dest='n'); opts, args = parser.parse_args(['-n', '3', 'arg']); print(opts.n, args)
print(shlex.split('a "b c" d\\ e'), shlex.quote("it's"), shlex.join(['a b', 'c']))
print(platform.system(), type(platform.machine()), platform.python_implementation() in ('CPython', 'krait'), type(platform.platform()))
class T(tuple):
    def __iter__(self):
        yield from super().__iter__()
        yield 'extra'
a, b, c = T((1, 2))
print(a, b, c, list(T(())))
class Plain(tuple):
    pass
x, y = Plain((5, 6))
print(x, y)
