# The _sre engine on 100,000-character subjects: deep backtracking must not overflow.
import _sre
P = {k: _sre.compile(*v) for k, v in {'alt': ('(a|b)*', 32, [14, 4, 0, 0, 4294967295, 23, 13, 0, 4294967295, 17, 0, 13, 5, 22, 97, 98, 0, 17, 1, 18, 1], 1, {}, (None, None)), 'altc': ('(?:a|b)*c', 32, [14, 4, 0, 1, 4294967295, 24, 10, 0, 4294967295, 13, 5, 22, 97, 98, 0, 1, 16, 99, 1], 0, {}, (None,)), 'lazy': ('(a|b)*?c', 32, [14, 4, 0, 1, 4294967295, 23, 13, 0, 4294967295, 17, 0, 13, 5, 22, 97, 98, 0, 17, 1, 19, 16, 99, 1], 1, {}, (None, None)), 'words': ('\\w+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 1], 0, {}, (None,)), 'nested': ('((a)|(b))*$', 32, [14, 4, 0, 0, 4294967295, 23, 27, 0, 4294967295, 17, 0, 7, 9, 17, 2, 16, 97, 17, 3, 15, 11, 9, 17, 4, 16, 98, 17, 5, 15, 2, 0, 17, 1, 18, 6, 5, 1], 3, {}, (None, None, None, None))}.items()}

s = 'ab' * 50000
m = P['alt'].match(s); print(m.span(), m.group(1))
print(P['altc'].match(s))
m = P['lazy'].match(s + 'c'); print(m.span())
m = P['nested'].match(s); print(m.span(), m.groups())
t = ('hello world ' * 20000)
print(len(P['words'].findall(t)))

