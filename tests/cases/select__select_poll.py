# select.select and select.poll on pipes; selectors.DefaultSelector.
import os
import select
import selectors

r, w = os.pipe()
print(select.select([r], [w], [], 0))
os.write(w, b"data")
print(select.select([r], [], [], 0))


class F:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd


rf = F(r)
ready = select.select([rf], [], [], 1.0)[0]
print(ready == [rf])
try:
    select.select([], [], [], -1)
except ValueError as e:
    print("ValueError", e)
try:
    select.select(["x"], [], [])
except TypeError as e:
    print("TypeError", e)

p = select.poll()
p.register(r, select.POLLIN)
p.register(w, select.POLLOUT)
print(sorted(p.poll(0)))
p.modify(w, select.POLLIN)
print(p.poll(0))
p.unregister(w)
try:
    p.unregister(w)
except KeyError as e:
    print("KeyError", e)
print(os.read(r, 10), p.poll(0))
os.close(w)
print(p.poll(10))
print(select.POLLIN, select.POLLOUT, select.POLLHUP, select.POLLNVAL, select.error is OSError)

r, w = os.pipe()
with selectors.DefaultSelector() as sel:
    key = sel.register(r, selectors.EVENT_READ, data="reader")
    print(key.fd == r, key.events, key.data)
    print(sel.select(0))
    os.write(w, b"!")
    events = sel.select(1)
    print([(k.data, ev) for k, ev in events])
    sel.modify(r, selectors.EVENT_READ, data="changed")
    print([(k.data, ev) for k, ev in sel.select(0)])
    sel.unregister(r)
    print(len(sel.get_map()))
os.close(r)
os.close(w)
