import asyncio

async def handle_client(reader, writer):
    """处理客户端连接"""
    addr = writer.get_extra_info('peername')
    print(f"Connected from {addr}")
    while True:
        data = await reader.read(100)
        if not data:
            break
        message = data.decode()
        print(f"Received: {message}")
        writer.write(data)
        await writer.drain()
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(
        handle_client,
        '127.0.0.1',
        0  # the seed's 8888; a free port here
    )
    port = server.sockets[0].getsockname()[1]
    async with server:
        # the seed leaves asyncio.run(main()) commented out; a client talks to it here
        reader, writer = await asyncio.open_connection('127.0.0.1', port)
        for message in ["ping", "pong"]:
            writer.write(message.encode())
            await writer.drain()
            print(f"Echo: {(await reader.read(100)).decode()}")
        writer.close()
        await writer.wait_closed()

asyncio.run(main())
