"""The macro benchmark's Python echo server (asyncio streams; --uvloop for uvloop): prints READY port."""
import asyncio
import sys


async def echo(reader, writer):
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    writer.close()


async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0, backlog=4096)
    print("READY", server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if "--uvloop" in sys.argv:
    import uvloop
    uvloop.install()
asyncio.run(main())
