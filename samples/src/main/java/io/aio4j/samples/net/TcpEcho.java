package io.aio4j.samples.net;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import io.aio4j.samples.Py;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Seed 000, "asyncio TCP 客户端" and "asyncio TCP 服务器", run together: the server echoes lines, the
 * client sends one and prints the reply. The seed uses {@code localhost:8080}; this port listens on a
 * free port of 127.0.0.1, so that the tour never collides with another program.
 *
 * <pre>{@code
 * async def handle_client(reader, writer):
 *     addr = writer.get_extra_info('peername')
 *     print(f"连接: {addr}")
 *     while True:
 *         data = await reader.readline()
 *         if not data:
 *             break
 *         writer.write(data)  # 回显
 *         await writer.drain()
 *     writer.close()
 *     await writer.wait_closed()
 *
 * async def tcp_client():
 *     reader, writer = await asyncio.open_connection('localhost', 8080)
 *     writer.write(b'Hello\n')
 *     await writer.drain()
 *     data = await reader.readline()
 *     print(f"收到: {data.decode()}")
 *     writer.close()
 *     await writer.wait_closed()
 *
 * async def main():
 *     server = await asyncio.start_server(handle_client, 'localhost', 8080)
 *     print("服务器启动...")
 *     async with server:
 *         await server.serve_forever()
 * }</pre>
 */
public final class TcpEcho {
    private TcpEcho() {
    }

    static void handleClient(StreamReader reader, StreamWriter writer) throws Exception {
        SocketAddress addr = (SocketAddress) writer.extraInfo("peername");
        System.out.println("连接: " + Py.repr(addr));
        while (true) {
            byte[] data = reader.readline();
            if (data.length == 0) {
                break;
            }
            writer.write(data); // 回显
            writer.drain();
        }
        writer.close();
        writer.waitClosed();
    }

    static void tcpClient(int port) throws Exception {
        Connection c = Net.openConnection("127.0.0.1", port);
        // 发送数据
        c.writer().write("Hello\n".getBytes(StandardCharsets.UTF_8));
        c.writer().drain();
        // 接收数据
        byte[] data = c.reader().readline();
        System.out.println("收到: " + new String(data, StandardCharsets.UTF_8));
        // 关闭连接
        c.writer().close();
        c.writer().waitClosed();
    }

    static void asyncMain() throws Exception {
        try (Server server = Net.startServer(TcpEcho::handleClient, "127.0.0.1", 0)) { // async with server
            System.out.println("服务器启动...");
            Task<Void> serving = Aio.createTask(server::serveForever);
            tcpClient(server.port());
            serving.cancel();
        }
    }

    public static void main(String[] args) throws Exception {
        Aio.run(TcpEcho::asyncMain);
    }
}
