package io.aio4j.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import java.io.IOException;
import java.time.Duration;

/** The memory network: Net's API in memory, on virtual time, with faults. */
class MemoryNetworkTest {

    static void echo(StreamReader reader, StreamWriter writer) throws Exception {
        for (byte[] line : reader) {
            writer.write(line);
            writer.drain();
        }
    }

    private static String roundTrip(int port, String line) throws Exception {
        try (Connection c = Net.openConnection("127.0.0.1", port)) {
            c.writer().write((line + "\n").getBytes(UTF_8));
            String got = new String(c.reader().readline(), UTF_8);
            c.writer().close();
            c.writer().waitClosed();
            return got;
        }
    }

    @AioTest
    void anEchoServerRunsInMemory() throws Exception {
        MemoryNetwork.install();
        Server server = Net.startServer(MemoryNetworkTest::echo, "127.0.0.1", 0);
        assertEquals("hello\n", roundTrip(server.port(), "hello"));
        server.close();
        server.waitClosed();
    }

    @AioTest
    void oneByteChunksStillMakeWholeLines() throws Exception {
        MemoryNetwork.install().splitWritesInto(1);
        Server server = Net.startServer(MemoryNetworkTest::echo, "127.0.0.1", 0);
        assertEquals("every byte on its own turn\n", roundTrip(server.port(), "every byte on its own turn"));
        server.close();
        server.waitClosed();
    }

    @AioTest
    void latencyTakesVirtualTime(AioTestContext ctx) throws Exception {
        MemoryNetwork.install().latency(Duration.ofMillis(250));
        Server server = Net.startServer(MemoryNetworkTest::echo, "127.0.0.1", 0);
        double t0 = ctx.time();
        assertEquals("slow\n", roundTrip(server.port(), "slow"));
        assertTrue(ctx.time() - t0 >= 0.5, "two crossings of 250 ms: " + (ctx.time() - t0));
        server.close();
        server.waitClosed();
    }

    @AioTest
    void aResetAfterNBytesFailsBothEnds() throws Exception {
        MemoryNetwork.install().resetAfter(5);
        IOException[] serverSide = new IOException[1];
        io.aio4j.sync.Event handlerDone = new io.aio4j.sync.Event();
        Server server = Net.startServer((r, w) -> {
            try {
                echo(r, w);
            } catch (java.io.UncheckedIOException reset) {
                serverSide[0] = reset.getCause(); // the server's end fails too (line iteration wraps it)
            } finally {
                handlerDone.set();
            }
        }, "127.0.0.1", 0);
        Connection c = Net.openConnection("127.0.0.1", server.port());
        c.writer().write("0123456789\n".getBytes(UTF_8));
        IOException e = assertThrows(IOException.class, () -> c.reader().readline());
        assertTrue(e.getMessage().contains("reset"), e.getMessage());
        c.writer().abort();
        server.close();
        server.waitClosed(); // the connections are gone; their handlers may still be finishing, as in asyncio
        handlerDone.await();
        assertTrue(serverSide[0] != null, "the server's end saw no reset");
    }

    @AioTest
    void refusedConnectionsAndUnknownPorts() throws Exception {
        MemoryNetwork net = MemoryNetwork.install();
        assertThrows(java.net.ConnectException.class, () -> Net.openConnection("127.0.0.1", 1));
        Server server = Net.startServer(MemoryNetworkTest::echo, "127.0.0.1", 0);
        net.refuseConnections(true);
        var e = assertThrows(java.net.ConnectException.class, () -> Net.openConnection("127.0.0.1", server.port()));
        assertTrue(e.getMessage().contains("refuses connections"), e.getMessage());
        net.clearFaults();
        assertEquals("ok\n", roundTrip(server.port(), "ok"));
        server.close();
        server.waitClosed();
        net.uninstall();
    }

    @AioTest
    void drainWaitsAboveTheHighWaterMarkUntilTheBufferIsBackAtTheLowOne() throws Exception {
        MemoryNetwork.install();
        io.aio4j.sync.Event go = new io.aio4j.sync.Event();
        Server server = Net.startServer((r, w) -> {
            go.await(); // a peer that does not read yet
            while (r.read(65536).length > 0) {
                // reads everything, then sees EOF
            }
            w.close();
        }, "127.0.0.1", 0);
        Connection c = Net.openConnection("127.0.0.1", server.port());
        var e = assertThrows(IllegalArgumentException.class, () -> c.writer().setWriteBufferLimits(1, 2));
        assertEquals("high (1) must be >= low (2) must be >= 0", e.getMessage());
        c.writer().setWriteBufferLimits(4096, 1024);
        assertArrayEquals(new int[] {4096, 1024}, c.writer().writeBufferLimits());
        c.writer().write(new byte[1 << 20]); // 1 MiB: the wire and the peer's reader take a few hundred KiB
        long buffered = c.writer().writeBufferSize();
        assertTrue(buffered > 4096 && buffered < 1 << 20, "buffered " + buffered);
        assertThrows(io.aio4j.TimeoutError.class, () -> Aio.waitFor(Duration.ofSeconds(5), () -> {
            c.writer().drain(); // the peer reads nothing: memory stays what was written, drain waits
            return null;
        }));
        long stuck = c.writer().writeBufferSize(); // the wire and the peer's paused reader are full
        assertTrue(stuck > 4096 && stuck <= buffered, "buffered " + stuck);
        Aio.sleep(1);
        assertEquals(stuck, c.writer().writeBufferSize(), "nothing moves while the peer does not read");
        go.set();
        c.writer().drain();
        assertTrue(c.writer().writeBufferSize() <= 1024, "drain returned at " + c.writer().writeBufferSize());
        c.writer().close();
        assertEquals(0, c.reader().read().length);
        server.close();
        server.waitClosed();
    }
}
