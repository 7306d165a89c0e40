import asyncio

# seed 000 calls create_server for UDP; what it means is a datagram endpoint
class UDPProtocol(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        print(f"收到: {data.decode()}")
        self.transport.sendto(data, addr)

class ClientProtocol(asyncio.DatagramProtocol):
    def __init__(self, replies):
        self.replies = replies

    def datagram_received(self, data, addr):
        self.replies.put_nowait(data)

async def main():
    loop = asyncio.get_running_loop()
    transport, protocol = await loop.create_datagram_endpoint(
        lambda: UDPProtocol(), local_addr=('127.0.0.1', 0))
    port = transport.get_extra_info('sockname')[1]
    replies = asyncio.Queue()
    client, _ = await loop.create_datagram_endpoint(
        lambda: ClientProtocol(replies), remote_addr=('127.0.0.1', port))
    for text in ["Hello", "UDP"]:
        client.sendto(text.encode())
        print(f"回显: {(await replies.get()).decode()}")
    client.close()
    transport.close()

asyncio.run(main())
