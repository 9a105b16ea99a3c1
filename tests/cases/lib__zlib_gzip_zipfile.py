import zlib, gzip, io, zipfile, os
data = b'hello world, ' * 200 + bytes(range(256)) * 4
print(zlib.crc32(data), zlib.adler32(data), zlib.crc32(b'abc', 123), zlib.adler32(b'abc', 7), zlib.crc32(b''), zlib.crc32(data, -1))
# data compressed by CPython's zlib
print(zlib.decompress(b'x\x9c\xcbH\xcd\xc9\xc9\xcf\x80\x13\x001\xb0\x06='))
for wbits in (15, -15, 31, 9, -9):
    c = zlib.compress(data, 6, wbits)
    back = zlib.decompress(c, wbits)
    auto = zlib.decompress(c, 47) if wbits > 0 and wbits != 9 else back
    print(wbits, back == data, auto == data, len(c) < len(data))
print(zlib.compress(b'abc')[:2], zlib.compress(b'abc', 9)[:2], zlib.compress(b'abc', 1)[:2], zlib.compress(b'abc', wbits=31)[:10])
co = zlib.compressobj(9, zlib.DEFLATED, -15)
parts = [co.compress(data[i:i + 100]) for i in range(0, len(data), 100)]
parts.append(co.flush(zlib.Z_SYNC_FLUSH))
parts.append(co.compress(b'tail'))
parts.append(co.flush())
stream = b''.join(parts) + b'UNUSED'
do = zlib.decompressobj(-15)
out = b''
for i in range(0, len(stream), 37):
    out += do.decompress(stream[i:i + 37])
print(out == data + b'tail', do.eof, do.unused_data, do.unconsumed_tail)
do = zlib.decompressobj()
z = zlib.compress(data)
chunk = do.decompress(z, 100)
print(len(chunk), len(do.unconsumed_tail) > 0, do.eof)
rest = b''
while do.unconsumed_tail:
    rest += do.decompress(do.unconsumed_tail, 1000)
rest += do.flush()
print(chunk + rest == data, do.eof)
for bad in [lambda: zlib.decompress(b'xyzzy'), lambda: zlib.decompress(z[:-2]), lambda: zlib.compress(b'x', 10),
            lambda: zlib.compressobj(wbits=50), lambda: zlib.decompressobj(wbits=50), lambda: zlib.decompress(b'x', wbits=50),
            lambda: zlib.decompress(z[:-1] + bytes([z[-1] ^ 1])), lambda: zlib.crc32('s')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
g = gzip.compress(data, mtime=0)
print(gzip.decompress(g) == data, g[:4], gzip.decompress(gzip.compress(b'x') + gzip.compress(b'y')))
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode='wb', mtime=1) as f:
    f.write(data)
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(f.read() == data)
zb = io.BytesIO()
with zipfile.ZipFile(zb, 'w', compression=zipfile.ZIP_DEFLATED) as zf:
    zf.writestr('a.txt', data)
    zf.writestr('b/c.txt', 'text')
with zipfile.ZipFile(zb) as zf:
    print(zf.namelist(), zf.read('a.txt') == data, zf.read('b/c.txt'), zf.testzip(), [i.file_size for i in zf.infolist()])
