"""The WebSocket echo benchmark's Python side.

server [--uvloop]: the websockets library's echo server; prints READY port.
client PORT CONNECTIONS SECONDS [--uvloop]: the websockets client drives a server: CONNECTIONS
connections, each sending a 1 KiB binary message and awaiting its echo, over and over, for SECONDS;
prints "MSGS <messages/s> P50 <us> P99 <us>". Compression is off on the client (so on both servers):
the benchmark measures the protocol and the event loop, not zlib.
"""
import asyncio
import os
import sys
import time

import websockets

if "--uvloop" in sys.argv:
    import uvloop
    uvloop.install()


async def serve():
    async def echo(ws):
        try:
            async for m in ws:
                await ws.send(m)
        except websockets.ConnectionClosed:
            pass

    async with websockets.serve(echo, "127.0.0.1", 0, max_queue=None) as server:
        print("READY", server.sockets[0].getsockname()[1], flush=True)
        await asyncio.Future()


async def drive(port, connections, seconds):
    payload = os.urandom(1024)
    latencies = []
    deadline = time.perf_counter() + 0.5 + seconds
    warm = time.perf_counter() + 0.5
    counted = [0]

    async def one():
        async with websockets.connect(f"ws://127.0.0.1:{port}/", compression=None, max_size=None) as ws:
            while True:
                t0 = time.perf_counter()
                if t0 > deadline:
                    return
                await ws.send(payload)
                got = await ws.recv()
                t1 = time.perf_counter()
                assert len(got) == 1024
                if t0 >= warm:
                    counted[0] += 1
                    latencies.append(t1 - t0)

    await asyncio.gather(*(one() for _ in range(connections)))
    latencies.sort()
    n = len(latencies)
    print(f"MSGS {counted[0] / seconds:.0f} P50 {latencies[n // 2] * 1e6:.0f} P99 {latencies[int(n * 0.99)] * 1e6:.0f}")


if sys.argv[1] == "server":
    asyncio.run(serve())
else:
    asyncio.run(drive(int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])))
