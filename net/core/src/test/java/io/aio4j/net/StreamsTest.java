package io.aio4j.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.Task;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * StreamReader and StreamWriter against plain java.net peers over loopback; edge semantics checked
 * against CPython 3.11 (test_streams.py and /tmp/t12.py-style programs, see the comments).
 */
class StreamsTest {

    /** A plain blocking server on a platform thread that runs {@code script} for one connection. */
    interface Script {
        void run(InputStream in, OutputStream out) throws Exception;
    }

    static ServerSocket peer(Script script) throws Exception {
        ServerSocket ss = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            try (ss; Socket s = ss.accept()) {
                script.run(s.getInputStream(), s.getOutputStream());
            } catch (Exception e) {
                // the test sees the effect
            }
        });
        return ss;
    }

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void aClientTalksToAPlainJavaServer(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        ServerSocket ss = peer((in, out) -> {
            byte[] line = new java.io.BufferedReader(new java.io.InputStreamReader(in, UTF_8)).readLine().getBytes(UTF_8);
            out.write(("echo: " + new String(line, UTF_8) + "\n").getBytes(UTF_8));
            out.flush();
        });
        String reply = Aio.run(() -> {
            try (Connection c = Net.openConnection("127.0.0.1", ss.getLocalPort(), Opts.c(transport))) {
                c.writer().write("hello\n".getBytes(UTF_8));
                c.writer().drain();
                return new String(c.reader().readline(), UTF_8);
            }
        });
        assertEquals("echo: hello\n", reply);
    }

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void aLongLineOverrunsTheLimitAndLeavesTheBufferIntact(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        // asyncio: overrun ... consumed 40 at_eof False / read 40: 40 / line: b'\n' / partial line at EOF
        java.util.concurrent.CountDownLatch overrun = new java.util.concurrent.CountDownLatch(1);
        ServerSocket ss = peer((in, out) -> {
            out.write("x".repeat(40).getBytes(UTF_8));
            out.flush();
            overrun.await(); // the rest only once the client saw the overrun
            out.write("\nrest-no-newline".getBytes(UTF_8));
            out.flush();
        });
        Aio.run(() -> {
            Connection c = Net.openConnection("127.0.0.1", ss.getLocalPort(), Opts.c(transport).withLimit(16));
            StreamReader r = c.reader();
            LimitOverrunError e = assertThrows(LimitOverrunError.class, () -> r.readuntil("\n".getBytes(UTF_8)));
            overrun.countDown();
            assertEquals("Separator is not found, and chunk exceed the limit", e.getMessage());
            assertEquals(40, e.consumed());
            assertFalse(r.atEof());
            assertEquals(40, r.read(40).length);
            assertArrayEquals("\n".getBytes(UTF_8), r.readline());
            assertEquals("rest-no-newline", new String(r.readline(), UTF_8)); // partial line at EOF
            assertEquals(0, r.readline().length);
            assertTrue(r.atEof());
            c.close();
        });
    }

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void readexactlyAtEofCarriesThePartialData(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        // asyncio: incomplete: 3 bytes read on a total of 5 expected bytes b'abc' 5
        ServerSocket ss = peer((in, out) -> out.write("abc".getBytes(UTF_8)));
        Aio.run(() -> {
            Connection c = Net.openConnection("127.0.0.1", ss.getLocalPort(), Opts.c(transport));
            IncompleteReadError e = assertThrows(IncompleteReadError.class, () -> c.reader().readexactly(5));
            assertEquals("3 bytes read on a total of 5 expected bytes", e.getMessage());
            assertArrayEquals("abc".getBytes(UTF_8), e.partial());
            assertEquals(5, e.expected());
            c.close();
        });
    }

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void readuntilWithSeveralSeparatorsStopsAtTheFirstMatchEnd(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        ServerSocket ss = peer((in, out) -> out.write("ab\r\ncd|ef".getBytes(UTF_8)));
        Aio.run(() -> {
            Connection c = Net.openConnection("127.0.0.1", ss.getLocalPort(), Opts.c(transport));
            StreamReader r = c.reader();
            assertEquals("ab\r\n", new String(r.readuntil("\r\n".getBytes(UTF_8), "|".getBytes(UTF_8)), UTF_8));
            assertEquals("cd|", new String(r.readuntil("\r\n".getBytes(UTF_8), "|".getBytes(UTF_8)), UTF_8));
            IncompleteReadError e = assertThrows(IncompleteReadError.class, () -> r.readuntil("|".getBytes(UTF_8)));
            assertEquals("ef", new String(e.partial(), UTF_8));
            assertEquals(-1, e.expected());
            assertThrows(IllegalArgumentException.class, () -> r.readuntil(new byte[0]));
            c.close();
        });
    }

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void readMinusOneReadsToEofAndLinesIterate(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        ServerSocket ss = peer((in, out) -> out.write("one\ntwo\nthree".getBytes(UTF_8)));
        ServerSocket ss2 = peer((in, out) -> out.write("x".repeat(200_000).getBytes(UTF_8)));
        Aio.run(() -> {
            Connection c = Net.openConnection("127.0.0.1", ss.getLocalPort(), Opts.c(transport));
            List<String> lines = new ArrayList<>();
            for (byte[] line : c.reader()) {
                lines.add(new String(line, UTF_8));
            }
            assertEquals(List.of("one\n", "two\n", "three"), lines);
            c.close();
            Connection big = Net.openConnection("127.0.0.1", ss2.getLocalPort(), Opts.c(transport));
            assertEquals(200_000, big.reader().read().length);
            assertEquals(0, big.reader().read(10).length);
            big.close();
        });
    }

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void onlyOneTaskMayWaitOnAReader(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        ServerSocket ss = peer((in, out) -> Thread.sleep(500));
        Aio.run(() -> {
            Connection c = Net.openConnection("127.0.0.1", ss.getLocalPort(), Opts.c(transport));
            Task<byte[]> first = Aio.createTask(() -> c.reader().read(10));
            Aio.sleep(0); // FIFO: the first task's first step runs now, up to its wait in read
            Aio.sleep(0);
            var e = assertThrows(IllegalStateException.class, () -> c.reader().read(10));
            assertTrue(e.getMessage().startsWith("read() called while another task is already waiting"), e.getMessage());
            first.cancel();
            c.close();
        });
    }

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void drainHoldsAWriterBackUntilThePeerReads(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        java.util.concurrent.CountDownLatch startReading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Long> received = new java.util.concurrent.CompletableFuture<>();
        ServerSocket ss = peer((in, out) -> {
            startReading.await();
            byte[] b = new byte[65536];
            long total = 0;
            for (int n; (n = in.read(b)) > 0; ) {
                total += n;
            }
            received.complete(total);
        });
        int chunk = 256 * 1024;
        int chunks = 64;
        Aio.run(() -> {
            Connection c = Net.openConnection("127.0.0.1", ss.getLocalPort(), Opts.c(transport));
            var w = c.writer();
            Task<Long> writer = Aio.createTask(() -> {
                long maxBuffered = 0;
                for (int i = 0; i < chunks; i++) {
                    w.write(new byte[chunk]);
                    maxBuffered = Math.max(maxBuffered, w.writeBufferSize());
                    w.drain();
                }
                return maxBuffered;
            });
            Aio.sleep(0.1);
            assertFalse(writer.done()); // the peer reads nothing yet: the writer is held in drain()
            assertTrue(w.writeBufferSize() <= chunk + 65536, "buffered " + w.writeBufferSize());
            startReading.countDown();
            long maxBuffered = writer.await();
            assertTrue(maxBuffered <= chunk + 65536, "memory stays bounded: " + maxBuffered);
            c.writer().close();
            c.writer().waitClosed();
        });
        assertEquals((long) chunk * chunks, received.get(30, java.util.concurrent.TimeUnit.SECONDS));
    }

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void writeEofHalfClosesAndTheOtherDirectionStillWorks(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        ServerSocket ss = peer((in, out) -> {
            byte[] all = in.readAllBytes(); // until our EOF
            out.write(("got " + all.length).getBytes(UTF_8));
        });
        Aio.run(() -> {
            Connection c = Net.openConnection("127.0.0.1", ss.getLocalPort(), Opts.c(transport));
            assertTrue(c.writer().canWriteEof());
            c.writer().write(new byte[1000]);
            c.writer().writeEof();
            assertEquals("got 1000", new String(c.reader().read(), UTF_8));
            assertThrows(IllegalStateException.class, () -> c.writer().write(new byte[1]));
            c.close();
        });
    }

    @Test
    void extraInfoNamesBothEnds() throws Exception {
        ServerSocket ss = peer((in, out) -> in.read());
        Aio.run(() -> {
            Connection c = Net.openConnection("127.0.0.1", ss.getLocalPort());
            InetSocketAddress peer = (InetSocketAddress) c.writer().extraInfo("peername");
            assertEquals(ss.getLocalPort(), peer.getPort());
            assertInstanceOf(InetSocketAddress.class, c.writer().extraInfo("sockname"));
            assertInstanceOf(java.nio.channels.SocketChannel.class, c.writer().extraInfo("socket"));
            assertEquals(null, c.writer().extraInfo("no such thing"));
            c.close();
            c.writer().waitClosed();
            assertTrue(c.writer().isClosing());
        });
    }

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void aRefusedConnectionIsAConnectException(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        int port;
        try (ServerSocket ss = new ServerSocket(0)) {
            port = ss.getLocalPort();
        }
        Aio.run(() -> {
            var e = assertThrows(java.net.ConnectException.class, () -> Net.openConnection("127.0.0.1", port, Opts.c(transport)));
            assertTrue(e.getMessage().contains(String.valueOf(port)), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Net.openConnection("127.0.0.1", 70000, Opts.c(transport)));
        });
    }

    @Test
    void aHostNameIsResolvedOffTheLoopAndHappyEyeballsConnects() throws Exception {
        ServerSocket ss = peer((in, out) -> out.write('!'));
        Aio.run(() -> {
            Connection c = Net.openConnection("localhost", ss.getLocalPort(),
                    ConnectOptions.defaults().withHappyEyeballsDelay(java.time.Duration.ofMillis(50)));
            assertEquals('!', c.reader().readexactly(1)[0]);
            c.close();
        });
    }

    @org.junit.jupiter.api.Test
    void incompleteReadErrorSurvivesSerializationAndSaysUndefinedAsAsyncio() throws Exception {
        // asyncio: str(IncompleteReadError(b'ab', None)) == '2 bytes read on a total of undefined expected bytes'
        IncompleteReadError e = new IncompleteReadError("ab".getBytes(UTF_8), -1);
        assertEquals("2 bytes read on a total of undefined expected bytes", e.getMessage());
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new IncompleteReadError("abc".getBytes(UTF_8), 5));
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            IncompleteReadError back = (IncompleteReadError) in.readObject();
            assertEquals("abc", new String(back.partial(), UTF_8));
            assertEquals(5, back.expected());
            assertEquals("3 bytes read on a total of 5 expected bytes", back.getMessage());
        }
    }

    @org.junit.jupiter.api.Test
    void aStandaloneReaderIsFedByHandAsAsyncios() throws Exception {
        // asyncio: r = StreamReader(); r.feed_data(b'line\npart'); r.feed_eof() -> b'line\n', b'part', b''
        Aio.run(() -> {
            StreamReaderFeed feed = StreamReaderFeed.create();
            var waiting = Aio.createTask(() -> feed.reader().readline());
            Aio.sleep(0);
            Aio.getRunningLoop().callSoon(() -> feed.feedData("line\npart".getBytes(UTF_8))); // wakes the reader
            assertEquals("line\n", new String(waiting.await(), UTF_8));
            feed.feedEof();
            assertEquals("part", new String(feed.reader().readline(), UTF_8));
            assertEquals("", new String(feed.reader().readline(), UTF_8));
            var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> feed.feedData(new byte[1]));
            assertEquals("feed_data after feed_eof", e.getMessage());
            StreamReaderFeed failing = StreamReaderFeed.create(10);
            failing.setException(new java.io.IOException("bad"));
            var io = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> failing.reader().read(1));
            assertEquals("bad", io.getMessage());
        });
    }
}
