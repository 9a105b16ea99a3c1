# The bytes/bytearray iterator types, callable_iterator and other VM-private types.
it = iter(b'ab'); print(type(it).__name__, it.__length_hint__(), list(it), type(iter(bytearray(b'x'))).__name__)
print(type(iter(bytearray())).__length_hint__(iter(bytearray(b'abc'))))
c = iter(lambda: 1, 1); print(type(c).__name__, list(c))
import time, itertools, collections
print(type(time.localtime(0)).__name__, itertools.count(3), collections.deque([1]))
