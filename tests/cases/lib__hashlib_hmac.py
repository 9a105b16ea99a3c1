import hashlib, hmac, warnings
warnings.simplefilter("ignore")  # hashlib.pbkdf2_hmac falls back to Python without OpenSSL
for name in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(name, b'abc')
    h.update(b'def')
    c = h.copy()
    c.update(b'x')
    if name.startswith('shake'):
        print(name, h.hexdigest(20), h.digest(5), c.hexdigest(3), h.digest_size, h.block_size, h.name)
    else:
        print(name, h.hexdigest(), h.digest()[:4], c.hexdigest()[:8], h.digest_size, h.block_size, h.name)
print(hashlib.sha256(b'hello').hexdigest())
print(hashlib.md5(b'x', usedforsecurity=False).hexdigest())
print(hashlib.blake2b(b'data', digest_size=16, key=b'k', salt=b's', person=b'p').hexdigest())
print(hashlib.blake2s(b'data', digest_size=10, fanout=2, depth=3, leaf_size=100, node_offset=5, node_depth=1, inner_size=8, last_node=True).hexdigest())
print(hashlib.blake2b.MAX_DIGEST_SIZE, hashlib.blake2s.SALT_SIZE)
print(hmac.new(b'key', b'msg', 'sha256').hexdigest())
print(hmac.new(b'key', b'msg', hashlib.md5).digest())
print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest('abc', 'abd'))
print(hmac.digest(b'k', b'm', 'sha1'))
for bad in [lambda: hashlib.sha1('str'), lambda: hashlib.sha1(5), lambda: hashlib.blake2b(digest_size=65),
            lambda: hashlib.new('nope'), lambda: hashlib.shake_128(b'').digest(-1), lambda: hmac.compare_digest('é', 'e'),
            lambda: hmac.compare_digest(b'a', 'a')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(hashlib.sha512(bytearray(b'ba')).hexdigest()[:16], hashlib.sha1(memoryview(b'mv')).hexdigest())
print(hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 10).hex())
