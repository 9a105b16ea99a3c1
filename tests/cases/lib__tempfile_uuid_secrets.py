import tempfile, os, uuid, secrets, hmac
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 'f.txt')
    with open(p, 'w') as f:
        f.write('hi')
    print(os.listdir(d))
    with tempfile.NamedTemporaryFile('w+', dir=d, suffix='.x', delete=False) as f:
        f.write('data'); f.seek(0); print(f.read(), f.name.endswith('.x'))
    fd, name = tempfile.mkstemp(dir=d); os.write(fd, b'x'); os.close(fd); print(os.path.getsize(name))
    print(len(os.listdir(d)))
with tempfile.TemporaryFile() as f:
    f.write(b'abc'); f.seek(0); print(f.read())
with tempfile.SpooledTemporaryFile(max_size=10) as f:
    f.write(b'abc' * 10); f.seek(0); print(len(f.read()))
print(os.path.exists(d))
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_URL, 'x'))
u = uuid.UUID('12345678123456781234567812345678'); print(u, u.hex, u.int, u.version, u.urn, repr(u), u.bytes_le)
print(uuid.uuid4().version, len(str(uuid.uuid4())))
print(len(secrets.token_hex(8)), len(secrets.token_bytes(5)), secrets.compare_digest('a', 'a'), 0 <= secrets.randbelow(10) < 10)
