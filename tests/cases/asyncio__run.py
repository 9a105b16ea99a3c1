# asyncio.run: gather, a queue, a TCP server and client on 127.0.0.1 (streams), wait_for timeout.
import asyncio
async def work(n):
    await asyncio.sleep(0.01)
    return n * 2
async def main():
    r = await asyncio.gather(*(work(i) for i in range(5)))
    print(r)
    q = asyncio.Queue()
    async def prod():
        for i in range(3): await q.put(i)
        await q.put(None)
    async def cons():
        out = []
        while (x := await q.get()) is not None: out.append(x)
        return out
    _, got = await asyncio.gather(prod(), cons())
    print(got)
    async def handle(reader, writer):
        data = await reader.readline()
        writer.write(data.upper()); await writer.drain(); writer.close()
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"hello\n"); await writer.drain()
    print(await reader.readline())
    writer.close(); await writer.wait_closed()
    server.close(); await server.wait_closed()
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.05)
    except asyncio.TimeoutError:
        print("timeout")
print(asyncio.run(main()))


class Res:
    async def __aenter__(self):
        print("enter")
        return self

    async def __aexit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return True


async def ctx():
    async with Res() as r:
        print(type(r).__name__)
    async with Res():
        raise KeyError("swallowed")
    try:
        await 5
    except TypeError as e:
        print(e)
    try:
        async with object():
            pass
    except TypeError as e:
        print(e)

asyncio.run(ctx())
