import hashlib, hmac
print(hmac.new(b'k', b'm', digestmod='sha3_256').hexdigest()[:16], hmac.new(b'k', digestmod=hashlib.blake2s).name, hashlib.sha256().name, hashlib.new('SHA256').name)
h = hashlib.sha1(); h.update(b'a' * 1000000); print(h.hexdigest())
print(hashlib.blake2b(b'x', key=b'k' * 64, digest_size=64).hexdigest()[:20], hashlib.blake2s(b'x', key=b'k' * 32).hexdigest()[:20])
print(hashlib.algorithms_available >= hashlib.algorithms_guaranteed, hashlib.shake_256(b'x').copy().hexdigest(4))
