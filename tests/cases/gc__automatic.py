# Automatic collection: cyclic garbage made in a loop is reclaimed without calling
# gc.collect() (the allocation threshold triggers it), unless the collector is disabled.
import gc
import weakref


class Node:
    pass


def make_cycles(n):
    refs = []
    for i in range(n):
        a = Node()
        b = Node()
        a.b = b
        b.a = a
        refs.append(weakref.ref(a))
    return refs


refs = make_cycles(5000)
alive = sum(r() is not None for r in refs)
print(alive < 5000)

gc.collect()
gc.disable()
refs = make_cycles(3000)
print(sum(r() is not None for r in refs))
gc.enable()
gc.collect()
print(sum(r() is not None for r in refs))
