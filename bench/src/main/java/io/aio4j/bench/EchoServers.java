package io.aio4j.bench;

import io.aio4j.Aio;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;

/**
 * The echo servers of the macro benchmark, one per contender, each in its own process:
 * {@code EchoServers KIND}. Each binds 127.0.0.1 on a free port, prints {@code READY port} and
 * echoes until killed. The Python ones are {@code python/echo_server.py}.
 */
public final class EchoServers {
    private EchoServers() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "aio4j" -> aio4j(ServerOptions.defaults());
            case "aio4j-ktor" -> aio4j(ServerOptions.defaults().withProvider(io.aio4j.ktor.KtorNet.provider()));
            case "kotlinx" -> {
                int port = freePort();
                Kotlinx.echoServer(port, () -> ready(port));
            }
            case "vthreads" -> vthreads();
            case "nio-limit" -> nioLimit();
            default -> throw new IllegalArgumentException("unknown echo server kind: " + args[0]);
        }
    }

    private static void ready(int port) {
        System.out.println("READY " + port);
        System.out.flush();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** asyncio streams style: read what is there, write it back, drain. */
    static void echo(StreamReader reader, StreamWriter writer) throws Exception {
        while (true) {
            byte[] data = reader.read(65536);
            if (data.length == 0) {
                break;
            }
            writer.write(data);
            writer.drain();
        }
        writer.close();
    }

    private static void aio4j(ServerOptions options) throws IOException {
        Aio.run(() -> {
            Server server = Net.startServer(EchoServers::echo, "127.0.0.1", 0, options.withBacklog(4096));
            ready(server.port());
            server.serveForever();
        });
    }

    /** Plain virtual threads with blocking sockets: a thread per connection. */
    private static void vthreads() throws IOException {
        ServerSocket ss = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
        ready(ss.getLocalPort());
        while (true) {
            Socket s = ss.accept();
            s.setTcpNoDelay(true);
            Thread.ofVirtual().start(() -> {
                byte[] buf = new byte[65536];
                try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        out.write(buf, 0, n);
                    }
                } catch (IOException e) {
                    // the load client closed the connection
                }
            });
        }
    }

    /** The limit: one thread, one Selector, callbacks; what asyncio's selector loop does without coroutines. */
    private static void nioLimit() throws IOException {
        Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        ready(((InetSocketAddress) server.getLocalAddress()).getPort());
        ByteBuffer buf = ByteBuffer.allocateDirect(65536);
        while (true) {
            selector.select();
            for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                SelectionKey k = it.next();
                it.remove();
                try {
                    if (k.isAcceptable()) {
                        SocketChannel c = server.accept();
                        if (c != null) {
                            c.configureBlocking(false);
                            c.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                            c.register(selector, SelectionKey.OP_READ);
                        }
                    } else if (k.isWritable()) {
                        SocketChannel c = (SocketChannel) k.channel();
                        ByteBuffer pending = (ByteBuffer) k.attachment();
                        c.write(pending);
                        if (!pending.hasRemaining()) {
                            k.attach(null);
                            k.interestOps(SelectionKey.OP_READ);
                        }
                    } else if (k.isReadable()) {
                        SocketChannel c = (SocketChannel) k.channel();
                        buf.clear();
                        int n = c.read(buf);
                        if (n < 0) {
                            k.cancel();
                            c.close();
                            continue;
                        }
                        buf.flip();
                        c.write(buf);
                        if (buf.hasRemaining()) { // back-pressure: stop reading until it drains
                            ByteBuffer pending = ByteBuffer.allocate(buf.remaining());
                            pending.put(buf).flip();
                            k.attach(pending);
                            k.interestOps(SelectionKey.OP_WRITE);
                        }
                    }
                } catch (IOException e) {
                    k.cancel();
                    k.channel().close();
                }
            }
        }
    }
}
