"""aiohttp's client against an aio4j web server (AiohttpClientPeerTest): prints one line per check."""
import asyncio
import sys

import aiohttp

BASE = sys.argv[1]


async def main():
    # unsafe=True: aiohttp's jar otherwise keeps no cookies from an IP-address host
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as s:
        async with s.get(BASE + "/hello/ann?x=1") as r:
            print("get", r.status, r.headers["Content-Type"], await r.text())
        async with s.post(BASE + "/json", json={"a": [1, 2]}) as r:
            print("json", r.status, await r.json())
        async def gen():
            for i in range(10):
                yield b"x" * 1000
        async with s.post(BASE + "/count", data=gen()) as r:
            print("chunked-upload", r.status, await r.text())
        form = aiohttp.FormData()
        form.add_field("name", "bob")
        form.add_field("file", b"contents", filename="a.txt", content_type="text/plain")
        async with s.post(BASE + "/form", data=form) as r:
            print("multipart", r.status, await r.text())
        async with s.post(BASE + "/form", data={"name": "carol"}) as r:
            print("urlencoded", r.status, await r.text())
        async with s.get(BASE + "/stream") as r:
            chunks = [c async for c in r.content.iter_any()]
            print("stream", r.status, r.headers.get("Transfer-Encoding"), b"".join(chunks).decode())
        async with s.get(BASE + "/cookie") as r:
            await r.read()
        async with s.get(BASE + "/cookie") as r:
            print("cookie", await r.text())
        async with s.get(BASE + "/missing") as r:
            print("missing", r.status, await r.text())
        async with s.post(BASE + "/count", data=b"y" * 100, headers={"Expect": "100-continue"}) as r:
            print("expect", r.status, await r.text())
        async with s.ws_connect(BASE + "/ws") as ws:
            await ws.send_str("ping")
            m = await ws.receive()
            print("ws", m.data)
            await ws.close()
            print("ws-close", ws.close_code)
        # keep-alive: the session reuses one connection for sequential requests
        conns = set()
        for i in range(5):
            async with s.get(BASE + "/peer") as r:
                conns.add(await r.text())
        print("keepalive", len(conns))


asyncio.run(main())
