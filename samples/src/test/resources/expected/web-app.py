import asyncio
from aiohttp import web, ClientSession

# aiohttp's "hello world" server (its documentation's first example)
async def handle(request):
    name = request.match_info.get('name', "Anonymous")
    text = "Hello, " + name
    return web.Response(text=text)

# a small JSON API
items = {}

async def list_items(request):
    return web.json_response(list(items.values()))

async def add_item(request):
    data = await request.json()
    item_id = len(items) + 1
    items[item_id] = {"id": item_id, "name": data["name"]}
    return web.json_response(items[item_id], status=201)

async def get_item(request):
    item_id = int(request.match_info['id'])
    if item_id not in items:
        raise web.HTTPNotFound(text=f"no item {item_id}")
    return web.json_response(items[item_id])

# a WebSocket chat: every message goes to everyone connected
clients = set()

async def chat(request):
    ws = web.WebSocketResponse()
    await ws.prepare(request)
    clients.add(ws)
    try:
        async for msg in ws:
            for client in list(clients):
                await client.send_str(msg.data)
    finally:
        clients.discard(ws)
    return ws

async def main():
    app = web.Application()
    app.add_routes([web.get('/', handle),
                    web.get('/items', list_items),
                    web.post('/items', add_item),
                    web.get('/items/{id}', get_item),
                    web.get('/chat', chat),
                    web.get('/{name}', handle)])
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, '127.0.0.1', 0)
    await site.start()
    base = f"http://127.0.0.1:{runner.addresses[0][1]}"

    async with ClientSession() as session:
        for path in ["/", "/Alice"]:
            async with session.get(base + path) as response:
                print(response.status, await response.text())
        for name in ["pen", "ink"]:
            async with session.post(base + "/items", json={"name": name}) as response:
                print(response.status, await response.json())
        async with session.get(base + "/items") as response:
            print(response.status, await response.json())
        async with session.get(base + "/items/9") as response:
            print(response.status, await response.text())

        ann = await session.ws_connect(base + "/chat")
        bob = await session.ws_connect(base + "/chat")
        await ann.send_str("hi from ann")
        print("ann got", (await ann.receive()).data)
        print("bob got", (await bob.receive()).data)
        await bob.send_str("hi from bob")
        print("ann got", (await ann.receive()).data)
        await ann.close()
        await bob.close()
    await runner.cleanup()

asyncio.run(main())
