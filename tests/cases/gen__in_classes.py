# Generators as methods, __iter__ implemented as a generator, generators of generators.
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c
    def depth_first(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.depth_first(depth + 1)
    def leaves(self):
        if not self.children:
            yield self.value
            return
        for c in self.children:
            yield from c.leaves()
t = Tree(1, Tree(2, Tree(4), Tree(5)), Tree(3, Tree(6)))
print(list(t), list(t.depth_first()), list(t.leaves()), sum(t), max(t), 6 in t)
class Range:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
    def __reversed__(self):
        i = self.n
        while i > 0:
            i -= 1
            yield i
r = Range(4)
print(list(r), list(reversed(r)), [a * b for a in r for b in r if a < b])
def tokens(text):
    word = ""
    for ch in text:
        if ch.isalnum():
            word += ch
        else:
            if word:
                yield ("WORD", word)
                word = ""
            if not ch.isspace():
                yield ("SYM", ch)
    if word:
        yield ("WORD", word)
print(list(tokens("x = f(a, 42) + y;")))
