package io.aio4j.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.Config;
import io.aio4j.Task;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Servers: per-connection tasks, lifecycle, Unix sockets; the clients are plain java.net sockets. */
class ServerTest {

    static void echo(StreamReader reader, StreamWriter writer) throws Exception {
        for (byte[] line : reader) {
            writer.write(line);
            writer.drain();
        }
    }

    /** A plain blocking client: sends lines, returns the replies. */
    static List<String> plainClient(int port, String... lines) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), UTF_8));
            List<String> replies = new ArrayList<>();
            for (String l : lines) {
                out.write((l + "\n").getBytes(UTF_8));
                out.flush();
                replies.add(in.readLine());
            }
            return replies;
        }
    }

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void anEchoServerServesPlainJavaClientsConcurrently(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        Aio.run(() -> {
            Server server = Net.startServer(ServerTest::echo, "127.0.0.1", 0, Opts.s(transport));
            assertTrue(server.port() > 0); // port 0 picked a free port
            List<Task<List<String>>> clients = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                clients.add(Aio.createTask(() -> Aio.toThread(() -> plainClient(server.port(), "a" + n, "b" + n))));
            }
            List<List<String>> replies = Aio.gather(clients);
            for (int i = 0; i < 10; i++) {
                assertEquals(List.of("a" + i, "b" + i), replies.get(i));
            }
            server.close();
            server.waitClosed();
            assertFalse(server.isServing());
            assertEquals(List.of(), server.sockets());
        });
    }

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void waitClosedReturnsOnceTheServerIsClosedAndItsConnectionsEnded(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Aio.run(() -> {
            Server server = Net.startServer((r, w) -> {
                r.read(); // until the client closes
                log.add("handler done");
            }, "127.0.0.1", 0, Opts.s(transport));
            Task<Void> client = Aio.createTask(() -> Aio.toThread(() -> {
                try (Socket s = new Socket("127.0.0.1", server.port())) {
                    Thread.sleep(100);
                }
            }));
            while (server.activeConnections() == 0) {
                Aio.sleep(0.001);
            }
            server.close(); // stops listening; the connection goes on
            Task<Void> waiter = Aio.createTask(server::waitClosed);
            Aio.sleep(0.02);
            assertFalse(waiter.done());
            waiter.await();
            log.add("wait_closed returned");
            client.await();
        });
        assertEquals(List.of("handler done", "wait_closed returned"), log);
    }

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void closeClientsAndAbortClientsEndTheConnections(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        Aio.run(() -> {
            Server server = Net.startServer((r, w) -> r.read(), "127.0.0.1", 0, Opts.s(transport));
            Task<Integer> client = Aio.createTask(() -> Aio.toThread(() -> {
                try (Socket s = new Socket("127.0.0.1", server.port())) {
                    return s.getInputStream().read(); // -1 when the server closes it
                }
            }));
            while (server.activeConnections() == 0) {
                Aio.sleep(0.001);
            }
            server.closeClients();
            assertEquals(-1, client.await());
            server.close();
            server.waitClosed();
            assertEquals(0, server.activeConnections());
        });
    }

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void serveForeverEndsWhenItsTaskIsCancelledAndClosesTheServer(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        Aio.run(() -> {
            Server server = Net.startServer(ServerTest::echo, "127.0.0.1", 0, Opts.s(transport));
            Task<Void> serving = Aio.createTask(server::serveForever);
            Aio.sleep(0.01);
            assertEquals(List.of("hi"), Aio.toThread(() -> plainClient(server.port(), "hi")));
            serving.cancel();
            assertThrows(CancelledError.class, serving::await);
            assertFalse(server.isServing());
        });
    }

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void aHandlerExceptionIsReportedAndItsConnectionClosed(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        List<String> reported = Collections.synchronizedList(new ArrayList<>());
        Config config = Config.defaults().withExceptionHandler((m, e) -> reported.add(m.substring(0, 42) + ": " + e.getMessage()));
        Aio.run(config, () -> {
            Server server = Net.startServer((r, w) -> {
                throw new IllegalStateException("handler failed");
            }, "127.0.0.1", 0, Opts.s(transport));
            int read = Aio.toThread(() -> {
                try (Socket s = new Socket("127.0.0.1", server.port())) {
                    return s.getInputStream().read();
                }
            });
            assertEquals(-1, read);
            server.close();
            server.waitClosed();
        });
        assertEquals(List.of("Unhandled exception in client_connected_cb: handler failed"), reported);
    }

    @Test
    void unixSocketsServeAndTheSocketFileIsRemovedOnClose() throws Exception {
        Path dir = Files.createTempDirectory("aio4j");
        Path path = dir.resolve("echo.sock");
        Aio.run(() -> {
            Server server = Net.startUnixServer(ServerTest::echo, path.toString());
            assertTrue(Files.exists(path));
            assertThrows(IllegalStateException.class, server::port);
            Connection c = Net.openUnixConnection(path.toString());
            c.writer().write("over unix\n".getBytes(UTF_8));
            assertEquals("over unix\n", new String(c.reader().readline(), UTF_8));
            c.close();
            server.close();
            server.waitClosed();
        });
        assertFalse(Files.exists(path));
        Files.delete(dir);
    }

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void aServerWorksInParallelMode(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        Aio.run(Config.parallel(2), () -> {
            Server server = Net.startServer(ServerTest::echo, "127.0.0.1", 0, Opts.s(transport));
            List<Task<List<String>>> clients = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                clients.add(Aio.createTask(() -> {
                    try (Connection c = Net.openConnection("127.0.0.1", server.port(), Opts.c(transport))) {
                        List<String> got = new ArrayList<>();
                        for (int k = 0; k < 20; k++) {
                            c.writer().write((n + ":" + k + "\n").getBytes(UTF_8));
                            got.add(new String(c.reader().readline(), UTF_8).trim());
                        }
                        return got;
                    }
                }));
            }
            List<List<String>> all = Aio.gather(clients);
            for (int i = 0; i < 20; i++) {
                assertEquals(20, all.get(i).size());
                assertEquals(i + ":19", all.get(i).get(19));
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void aHandlerMayHandItsStreamsToAnotherTaskAndReturn() throws Exception {
        // asyncio 3.12+: a handler that returns normally leaves its connection open for whoever holds
        // the writer; only a failed or cancelled handler has it closed
        Aio.run(() -> {
            io.aio4j.queue.Queue<Connection> handedOver = new io.aio4j.queue.Queue<>();
            Server server = Net.startServer((r, w) -> handedOver.put(new Connection(r, w)), "127.0.0.1", 0);
            Task<Void> worker = Aio.createTask(() -> {
                Connection conn = handedOver.get();
                Aio.sleep(0.05); // long after the handler returned
                conn.writer().write(conn.reader().readline());
                conn.writer().drain();
                conn.writer().close();
            });
            try (Connection c = Net.openConnection("127.0.0.1", server.port())) {
                c.writer().write("still open\n".getBytes(UTF_8));
                assertEquals("still open\n", new String(c.reader().readline(), UTF_8));
                assertEquals(0, c.reader().read().length); // then the worker's close
            }
            worker.await();
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void aUnixServerRemovesItsSocketFileOnlyWhileItIsStillItsOwn() throws Exception {
        // asyncio 3.13: close() unlinks the path only if its inode is still the server's; a stale
        // socket file at the path is replaced when a server starts
        Path dir = Files.createTempDirectory("aio4j");
        Path path = dir.resolve("s.sock");
        Aio.run(() -> {
            Server first = Net.startUnixServer(ServerTest::echo, path.toString());
            Server second = Net.startUnixServer(ServerTest::echo, path.toString()); // replaces the file
            first.close();
            first.waitClosed();
            assertTrue(Files.exists(path), "the first server removed the second one's socket file");
            try (Connection c = Net.openUnixConnection(path.toString())) {
                c.writer().write("second\n".getBytes(UTF_8));
                assertEquals("second\n", new String(c.reader().readline(), UTF_8));
            }
            second.close();
            second.waitClosed();
            assertFalse(Files.exists(path));
        });
        Files.delete(dir);
    }
}
