package io.aio4j.samples.net;

import io.aio4j.Aio;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import io.aio4j.samples.Py;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Seed 002, "网络流": an echo server that reads up to 100 bytes at a time. The seed leaves
 * {@code asyncio.run(main())} commented out and has no client; this port runs the server on a free
 * port and talks to it.
 *
 * <pre>{@code
 * async def handle_client(reader, writer):
 *     addr = writer.get_extra_info('peername')
 *     print(f"Connected from {addr}")
 *     while True:
 *         data = await reader.read(100)
 *         if not data:
 *             break
 *         message = data.decode()
 *         print(f"Received: {message}")
 *         writer.write(data)
 *         await writer.drain()
 *     writer.close()
 *     await writer.wait_closed()
 *
 * async def main():
 *     server = await asyncio.start_server(handle_client, '127.0.0.1', 8888)
 *     async with server:
 *         await server.serve_forever()
 * }</pre>
 */
public final class StreamEcho {
    private StreamEcho() {
    }

    static void handleClient(StreamReader reader, StreamWriter writer) throws Exception {
        SocketAddress addr = (SocketAddress) writer.extraInfo("peername");
        System.out.println("Connected from " + Py.repr(addr));
        while (true) {
            byte[] data = reader.read(100);
            if (data.length == 0) {
                break;
            }
            String message = new String(data, StandardCharsets.UTF_8);
            System.out.println("Received: " + message);
            writer.write(data);
            writer.drain();
        }
        writer.close();
        writer.waitClosed();
    }

    static void asyncMain() throws Exception {
        try (Server server = Net.startServer(StreamEcho::handleClient, "127.0.0.1", 0)) {
            Connection c = Net.openConnection("127.0.0.1", server.port());
            for (String message : new String[] {"ping", "pong"}) {
                c.writer().write(message.getBytes(StandardCharsets.UTF_8));
                c.writer().drain();
                System.out.println("Echo: " + new String(c.reader().read(100), StandardCharsets.UTF_8));
            }
            c.writer().close();
            c.writer().waitClosed();
        }
    }

    public static void main(String[] args) throws Exception {
        Aio.run(StreamEcho::asyncMain);
    }
}
