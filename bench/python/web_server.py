"""The HTTP server benchmark's aiohttp.web side: aiohttp's hello world on 127.0.0.1, a free port.

[--uvloop]: on uvloop. Prints READY port, serves until killed. The access log is off (as aio4j's is
by default) so neither server writes a line per request.
"""
import asyncio
import sys

from aiohttp import web

if "--uvloop" in sys.argv:
    import uvloop
    uvloop.install()


async def hello(request):
    return web.Response(text="Hello, World!")


async def main():
    app = web.Application()
    app.add_routes([web.get("/", hello)])
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    print("READY", runner.addresses[0][1], flush=True)
    await asyncio.Event().wait()


asyncio.run(main())
