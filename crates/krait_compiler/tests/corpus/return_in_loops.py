def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            return i
    return -1

def first_even(seq):
    it = iter(seq)
    while True:
        v = next(it)
        if v % 2 == 0:
            return v
