"""A class-heavy scheduler simulation in the spirit of the Richards benchmark."""
class Packet:
    __slots__ = ("kind", "data", "next")
    def __init__(self, kind, data):
        self.kind = kind
        self.data = data
        self.next = None

class Task:
    def __init__(self, ident, priority):
        self.ident = ident
        self.priority = priority
        self.queue = []
        self.handled = 0
    def runnable(self):
        return bool(self.queue)
    def run(self, scheduler):
        pkt = self.queue.pop(0)
        self.handled += 1
        return self.handle(pkt, scheduler)
    def handle(self, pkt, scheduler):
        raise NotImplementedError

class Worker(Task):
    def handle(self, pkt, scheduler):
        pkt.data = (pkt.data * 31 + self.ident) % 65521
        target = 1 + (pkt.data % 3)
        scheduler.send(target, pkt)

class Device(Task):
    def handle(self, pkt, scheduler):
        scheduler.total += pkt.data
        if pkt.data % 5:
            scheduler.send(0, pkt)

class Idle(Task):
    def handle(self, pkt, scheduler):
        pkt.kind ^= 1
        scheduler.send(4, pkt)

class Scheduler:
    def __init__(self):
        self.tasks = [Worker(0, 3), Device(1, 2), Device(2, 2), Idle(3, 1), Worker(4, 3)]
        self.total = 0
        self.sends = 0
    def send(self, ident, pkt):
        self.sends += 1
        self.tasks[ident].queue.append(pkt)
    def schedule(self, steps):
        order = sorted(self.tasks, key=lambda t: -t.priority)
        for _ in range(steps):
            ran = False
            for t in order:
                if t.runnable():
                    t.run(self)
                    ran = True
                    break
            if not ran:
                for i in range(8):
                    self.send(i % 5, Packet(i & 1, i + 1))

s = Scheduler()
s.schedule(700_000)
print(s.total, s.sends, [t.handled for t in s.tasks])
