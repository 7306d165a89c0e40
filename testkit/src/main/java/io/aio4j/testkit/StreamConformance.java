package io.aio4j.testkit;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.Done;
import io.aio4j.ReturnWhen;
import io.aio4j.Task;
import io.aio4j.net.Connection;
import io.aio4j.net.IncompleteReadError;
import io.aio4j.net.LimitOverrunError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A conformance suite for aio4j stream pairs: what every reader/writer pair must do, checked against
 * the pair a factory opens. Run it inside a task (an {@link AioTest}); each rule opens fresh pairs.
 *
 * {@snippet :
 * @AioTest
 * void myTransportConforms() throws Exception {
 *     Server server = Net.startServer((r, w) -> pairs.offer(new Connection(r, w)), "127.0.0.1", 0);
 *     StreamConformance.check(() -> { ... return new Connection[] {client, serverSide}; });
 * }
 * }
 *
 * @apiNote asyncio: none; Trio's {@code check_two_way_stream}
 */
public final class StreamConformance {
    private StreamConformance() {
    }

    /** Opens two connected ends: what one writes, the other reads. */
    @FunctionalInterface
    public interface PairFactory {
        Connection[] open() throws Exception;
    }

    private interface Rule {
        void check(Connection a, Connection b) throws Exception;
    }

    /**
     * Runs every rule against pairs from {@code factory}.
     *
     * @throws AssertionError "stream conformance: RULE: what happened", for the first rule broken
     */
    /**
     * Runs the rules over real connections: a server started with {@code server} options (its handler
     * hands its side over and waits until it is closed) and clients opened with {@code client} options —
     * the way to check a {@link io.aio4j.net.spi.TransportProvider}, plain or over TLS. Call it in a
     * task.
     *
     * @throws AssertionError naming the first rule the connections broke
     */
    public static void checkServer(io.aio4j.net.ServerOptions server, io.aio4j.net.ConnectOptions client) throws Exception {
        io.aio4j.queue.Queue<io.aio4j.net.Connection> accepted = new io.aio4j.queue.Queue<>();
        io.aio4j.net.Server s = io.aio4j.net.Net.startServer((r, w) -> {
            accepted.put(new io.aio4j.net.Connection(r, w));
            w.waitClosed();
        }, "127.0.0.1", 0, server);
        try {
            check(() -> new io.aio4j.net.Connection[] {io.aio4j.net.Net.openConnection("127.0.0.1", s.port(), client),
                    accepted.get()});
        } finally {
            s.close();
            s.waitClosed();
        }
    }

    public static void check(PairFactory factory) throws Exception {
        rule(factory, "bytes arrive in order, in both directions", StreamConformance::order);
        rule(factory, "readexactly waits for data that arrives in pieces", StreamConformance::pieces);
        rule(factory, "readline returns a partial line at EOF, then empty", StreamConformance::partialLine);
        rule(factory, "readexactly at EOF raises IncompleteReadError with the partial data", StreamConformance::incomplete);
        rule(factory, "LimitOverrunError leaves the buffer intact", StreamConformance::limit);
        rule(factory, "a cancelled read loses nothing", StreamConformance::cancelledRead);
        rule(factory, "drain holds back a writer whose peer does not read", StreamConformance::drain);
        rule(factory, "writeEof half-closes (where canWriteEof): the peer reads EOF and can still write", StreamConformance::halfClose);
        rule(factory, "close: the peer reads EOF and waitClosed returns", StreamConformance::close);
    }

    private static void rule(PairFactory factory, String name, Rule rule) throws Exception {
        Connection[] pair = factory.open();
        if (pair == null || pair.length != 2) {
            throw new IllegalArgumentException("the PairFactory must return two connected ends: " + Arrays.toString(pair));
        }
        try {
            Aio.waitFor(Duration.ofSeconds(30), () -> {
                rule.check(pair[0], pair[1]);
                return null;
            });
        } catch (AssertionError e) {
            throw new AssertionError("stream conformance: " + name + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new AssertionError("stream conformance: " + name + ": " + e, e);
        } finally {
            pair[0].writer().abort();
            pair[1].writer().abort();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void equal(String what, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            throw new AssertionError(what + ": expected " + expected + ", got " + actual);
        }
    }

    private static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void order(Connection a, Connection b) throws Exception {
        a.writer().write(bytes("one "));
        a.writer().write(bytes("two "));
        a.writer().writelines(List.of(bytes("three"), bytes("!")));
        a.writer().drain();
        equal("b read", "one two three!", str(b.reader().readexactly(14)));
        b.writer().write(bytes("back"));
        b.writer().drain();
        equal("a read", "back", str(a.reader().readexactly(4)));
    }

    private static void pieces(Connection a, Connection b) throws Exception {
        Task<byte[]> reading = Aio.createTask(() -> b.reader().readexactly(6));
        for (String piece : List.of("ab", "cd", "ef")) {
            a.writer().write(bytes(piece));
            a.writer().drain();
            Aio.sleep(0);
        }
        equal("readexactly(6)", "abcdef", str(reading.await()));
    }

    /** Ends a's sending: a half-close where the transport has one, else (TLS) a close. */
    private static void endSending(Connection a) throws Exception {
        if (a.writer().canWriteEof()) {
            a.writer().writeEof();
        } else {
            a.writer().close();
        }
    }

    private static void partialLine(Connection a, Connection b) throws Exception {
        a.writer().write(bytes("line\npartial"));
        endSending(a);
        equal("first readline", "line\n", str(b.reader().readline()));
        equal("second readline", "partial", str(b.reader().readline()));
        equal("readline at EOF", "", str(b.reader().readline()));
        if (!b.reader().atEof()) {
            throw new AssertionError("atEof() is false after EOF was read");
        }
    }

    private static void incomplete(Connection a, Connection b) throws Exception {
        a.writer().write(bytes("abc"));
        endSending(a);
        try {
            b.reader().readexactly(5);
            throw new AssertionError("readexactly(5) returned with 3 bytes before EOF");
        } catch (IncompleteReadError e) {
            equal("partial()", "abc", str(e.partial()));
            equal("expected()", 5L, e.expected());
        }
    }

    private static void limit(Connection a, Connection b) throws Exception {
        int limit = b.reader().limit();
        byte[] big = new byte[limit + 10];
        Arrays.fill(big, (byte) 'x');
        a.writer().write(big);
        a.writer().write(bytes("\n"));
        a.writer().drain();
        Task<byte[]> all = null;
        try {
            b.reader().readuntil(bytes("|"));
            throw new AssertionError("readuntil found a separator that was never sent");
        } catch (LimitOverrunError e) {
            if (e.consumed() <= limit) {
                throw new AssertionError("consumed() = " + e.consumed() + ", not beyond the limit " + limit);
            }
        }
        all = Aio.createTask(() -> b.reader().readexactly(big.length + 1));
        equal("the data after LimitOverrunError", big.length + 1, all.await().length);
    }

    private static void cancelledRead(Connection a, Connection b) throws Exception {
        Task<byte[]> reading = Aio.createTask(() -> b.reader().readline());
        Aio.sleep(0);
        reading.cancel();
        try {
            reading.await();
        } catch (CancelledError expected) {
            // the read was cancelled while waiting
        }
        a.writer().write(bytes("kept\n"));
        a.writer().drain();
        equal("the next readline", "kept\n", str(b.reader().readline()));
    }

    private static void drain(Connection a, Connection b) throws Exception {
        long[] written = {0};
        Task<Void> writer = Aio.createTask(() -> {
            byte[] chunk = new byte[64 * 1024];
            while (true) {
                a.writer().write(chunk);
                written[0] += chunk.length; // counted once buffered: a cancelled drain keeps it
                a.writer().drain();
            }
        });
        long last = -1;
        int still = 0;
        while (still < 3) { // the writer must stop making progress while b reads nothing
            Aio.sleep(Duration.ofMillis(50));
            if (written[0] > 64L << 20) {
                writer.cancel();
                throw new AssertionError(written[0] + " bytes were written and drained while the peer read nothing");
            }
            if (written[0] == last) {
                still++;
            } else {
                still = 0;
                last = written[0];
            }
        }
        writer.cancel();
        try {
            writer.await();
        } catch (CancelledError expected) {
            // stopped while blocked in drain
        }
        long total = written[0];
        long read = 0;
        while (read < total) {
            read += b.reader().read(1 << 20).length;
        }
        equal("bytes read after the writer stopped", total, read);
    }

    private static void halfClose(Connection a, Connection b) throws Exception {
        if (!a.writer().canWriteEof()) { // TLS: no half-close, and writeEof() says so (asyncio's rule)
            try {
                a.writer().writeEof();
                throw new AssertionError("writeEof() returned although canWriteEof() is false");
            } catch (UnsupportedOperationException expected) {
                return;
            }
        }
        a.writer().write(bytes("bye"));
        a.writer().writeEof();
        equal("b reads to EOF", "bye", str(b.reader().read()));
        b.writer().write(bytes("still here"));
        b.writer().drain();
        equal("a reads after its writeEof", "still here", str(a.reader().readexactly(10)));
    }

    private static void close(Connection a, Connection b) throws Exception {
        a.writer().write(bytes("last"));
        a.writer().close();
        a.writer().waitClosed();
        if (!a.writer().isClosing()) {
            throw new AssertionError("isClosing() is false after close()");
        }
        equal("b reads what was written before close, then EOF", "last", str(b.reader().read()));
    }
}
