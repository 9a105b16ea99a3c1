# Slicing strings and bytes, unicode included.
s = "héllo, wörld 😀!"
print(s[1:5], s[::-1], s[-2:], s[::3], s[100:], s[-1], s[0])
print("abc"[-4:], "abc"[:-4], ""[::-1], "a"[::-1])
b = "héllo".encode()
print(b[1:3], b[::-1], b[0], b[-1:])
print(slice(1, 5, 2), slice(3), slice(None), slice(1, None).indices(10), slice(-3, None, -1).indices(5))
print(slice(1, 2) == slice(1, 2), slice(0, 10, 3).indices(4), repr(slice("a", [1])))
sl = slice(2, 8, 2)
print(sl.start, sl.stop, sl.step, "abcdefghij"[sl])
