# zlib edge cases: truncated and trailing data per wbits, unused_data, checksum start
# values, flush modes and a finished compressor.
import zlib, gzip
good = zlib.compress(b'hello world ' * 50)
for data in [good + b'xx', b'', good[:1], good[:2], good[:-4], gzip.compress(b'a') + b'junk']:
    for w in (15, 47, 31):
        try:
            r = zlib.decompress(data, w)
            print(w, len(r))
        except zlib.error as e:
            print(w, e)
d = zlib.decompressobj(31)
print(len(d.decompress(gzip.compress(b'q') + b'tail')), d.eof, d.unused_data)
print(zlib.crc32(b'a', 2**32 + 5), zlib.adler32(b'a', -1), zlib.crc32(memoryview(b'xyz')))
try:
    zlib.decompressobj().decompress(b'x', -1)
except ValueError as e:
    print(e)
c = zlib.compressobj()
x = c.compress(b'abc' * 50) + c.flush(zlib.Z_SYNC_FLUSH) + c.compress(b'more') + c.flush(zlib.Z_FULL_FLUSH) + c.flush()
print(zlib.decompress(x) == b'abc' * 50 + b'more', c.flush(zlib.Z_NO_FLUSH))
try:
    c.flush()
except zlib.error as e:
    print(e)
