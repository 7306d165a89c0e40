import asyncio

# seed 000's server and client together: the server listens on a free port of 127.0.0.1
async def handle_client(reader, writer):
    addr = writer.get_extra_info('peername')
    print(f"连接: {addr}")

    while True:
        data = await reader.readline()
        if not data:
            break
        writer.write(data)  # 回显
        await writer.drain()

    writer.close()
    await writer.wait_closed()

async def tcp_client(port):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)

    # 发送数据
    writer.write(b'Hello\n')
    await writer.drain()

    # 接收数据
    data = await reader.readline()
    print(f"收到: {data.decode()}")

    # 关闭连接
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(handle_client, '127.0.0.1', 0)
    print("服务器启动...")
    port = server.sockets[0].getsockname()[1]
    async with server:
        serving = asyncio.create_task(server.serve_forever())
        await tcp_client(port)
        serving.cancel()

asyncio.run(main())
