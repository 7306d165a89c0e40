"""The HTTP client benchmark's Python side.

http_bench.py server          aiohttp.web: GET /1k answers 1 KiB (keep-alive); prints READY port
http_bench.py client PORT N C aiohttp's client: N GETs of /1k, C at once, one session; prints
                              "REQS <req/s> CONNS <connections the server saw>" (from /stats)
"""
import asyncio
import sys
import time

from aiohttp import web, ClientSession, TCPConnector

BODY = b"x" * 1024
PEERS = set()


async def one_k(request):
    PEERS.add(request.transport.get_extra_info("peername"))
    return web.Response(body=BODY, content_type="application/octet-stream")


async def stats(request):
    n = len(PEERS)
    PEERS.clear()
    return web.Response(text=str(n))


async def serve():
    app = web.Application()
    app.router.add_get("/1k", one_k)
    app.router.add_get("/stats", stats)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    print("READY", port, flush=True)
    await asyncio.Event().wait()


async def client(port, n, c):
    url = f"http://127.0.0.1:{port}/1k"
    async with ClientSession(connector=TCPConnector(limit=100)) as s:
        async with s.get(f"http://127.0.0.1:{port}/stats") as r:
            await r.read()  # reset the server's count
        left = n
        async def worker():
            nonlocal left
            while left > 0:
                left -= 1
                async with s.get(url) as r:
                    body = await r.read()
                    assert len(body) == 1024
        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(c)))
        dt = time.perf_counter() - t0
        async with s.get(f"http://127.0.0.1:{port}/stats") as r:
            conns = int(await r.text()) - 0
    print(f"REQS {n / dt:.0f} CONNS {conns}")


if __name__ == "__main__":
    if sys.argv[1] == "server":
        asyncio.run(serve())
    else:
        asyncio.run(client(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])))
