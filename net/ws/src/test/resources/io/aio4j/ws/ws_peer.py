"""The websockets library as a peer for aio4j's tests.

server: an echo server on a free port; prints "port N", then one line "closed CODE EXTENSIONS" per connection.
client URI N: N connections, each echoing a big compressible text and a binary message, then a
normal close; prints "ok CODE" per connection, and last "toobig CODE" for a message over 200 kB.
"""
import asyncio
import sys

import websockets


async def serve():
    async def echo(ws):
        try:
            async for m in ws:
                await ws.send(m)
        finally:
            print("closed", ws.close_code, ",".join(e.name for e in ws.extensions), flush=True)

    async with websockets.serve(echo, "127.0.0.1", 0) as server:
        print("port", server.sockets[0].getsockname()[1], flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)


async def client(uri, n):
    big = "abcdefgh" * 20000
    for i in range(n):
        async with websockets.connect(uri, max_size=None) as ws:
            await ws.send(big)
            assert await ws.recv() == big
            await ws.send(b"\x00\x01\x02")
            assert await ws.recv() == b"\x00\x01\x02"
        print("ok", ws.close_code, ",".join(e.name for e in ws.extensions), flush=True)
    async with websockets.connect(uri) as ws:
        await ws.send("x" * 300000)  # over the server's 200 kB, a few hundred bytes compressed
        try:
            await ws.recv()
        except websockets.ConnectionClosed as e:
            print("toobig", e.code, flush=True)


if sys.argv[1] == "server":
    asyncio.run(serve())
else:
    asyncio.run(client(sys.argv[2], int(sys.argv[3])))
