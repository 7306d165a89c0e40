import asyncio
import websockets

async def echo(websocket):
    async for message in websocket:
        await websocket.send(f"收到: {message}")

async def main():
    # the seed serves forever on 8765; the twin serves on a free port and talks to itself
    async with websockets.serve(echo, "localhost", 0) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        async with websockets.connect(f"ws://localhost:{port}") as ws:
            for m in ["hello", "世界"]:
                await ws.send(m)
                print(await ws.recv())

asyncio.run(main())
