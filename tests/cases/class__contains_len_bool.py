# __contains__, __len__, __bool__ interplay, and truth testing order.
class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        print("len called")
        return len(self.items)
    def __contains__(self, x):
        print("contains called")
        return x in self.items
    def __iter__(self):
        return iter(self.items)
b = Bag(1, 2)
print(2 in b, 5 not in b, bool(b), bool(Bag()))
class BoolFirst:
    def __bool__(self):
        print("bool called")
        return True
    def __len__(self):
        print("len not called")
        return 0
print(bool(BoolFirst()), "yes" if BoolFirst() else "no")
class OnlyIter:
    def __iter__(self):
        print("iter called")
        return iter([1, 2, 3])
print(3 in OnlyIter(), bool(OnlyIter()))
class HugeLen:
    def __len__(self):
        return 2**70
try:
    len(HugeLen())
except OverflowError as e:
    print("OverflowError:", e)
class FloatLen:
    def __len__(self):
        return 1.5
try:
    len(FloatLen())
except TypeError as e:
    print("TypeError:", e)
class NoneBool:
    def __bool__(self):
        return None
try:
    not NoneBool()
except TypeError as e:
    print("TypeError:", e)
