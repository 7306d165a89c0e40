package io.aio4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.Config;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 6455 violations, each sent by a raw peer to aio4j's server and to its client: the connection
 * fails with the close code the websockets library sends (1002 protocol error, 1007 invalid data,
 * 1009 too big), the handler sees {@link ConnectionClosed}, nothing reaches the loop's exception
 * handler, and the server ends TCP after its close frame.
 */
class ProtocolViolationTest {
    private static final byte[] BAD_UTF8 = {(byte) 0xce, (byte) 0xba, (byte) 0xe1, (byte) 0xbd}; // cut mid-character

    /** Frames a client must not send, with the close code the server answers. */
    static Stream<Arguments> clientViolations() {
        return Stream.of(
                Arguments.of("an unmasked frame", RawPeer.frame(0x81, "hi".getBytes(), false), 1002),
                Arguments.of("invalid UTF-8 in a text frame", RawPeer.frame(0x81, BAD_UTF8, true), 1007),
                Arguments.of("a 2^63 - 1 byte length", RawPeer.frame(0x82, new byte[0], true, Long.MAX_VALUE), 1009),
                Arguments.of("a length with the top bit set", RawPeer.frame(0x82, new byte[0], true, -1L), 1002),
                Arguments.of("a close code of 999", RawPeer.frame(0x88, RawPeer.closePayload(999, ""), true), 1002),
                Arguments.of("a close reason that is not UTF-8", RawPeer.frame(0x88, concat(RawPeer.closePayload(1000, ""), BAD_UTF8), true), 1007),
                Arguments.of("a one-byte close payload", RawPeer.frame(0x88, new byte[] {3}, true), 1002),
                Arguments.of("RSV1 without an extension", RawPeer.frame(0xc1, "hi".getBytes(), true), 1002),
                Arguments.of("RSV2", RawPeer.frame(0xa1, "hi".getBytes(), true), 1002),
                Arguments.of("reserved opcode 3", RawPeer.frame(0x83, "hi".getBytes(), true), 1002),
                Arguments.of("reserved control opcode 0xB", RawPeer.frame(0x8b, new byte[0], true), 1002),
                Arguments.of("a fragmented ping", RawPeer.frame(0x09, new byte[0], true), 1002),
                Arguments.of("a 126-byte ping", RawPeer.frame(0x89, new byte[126], true), 1002),
                Arguments.of("a continuation with no message", RawPeer.frame(0x80, "hi".getBytes(), true), 1002),
                Arguments.of("a new message inside a fragmented one",
                        concat(RawPeer.frame(0x01, "a".getBytes(), true), RawPeer.frame(0x81, "b".getBytes(), true)), 1002),
                Arguments.of("fragments adding up past maxSize",
                        concat(RawPeer.frame(0x02, new byte[600], true), RawPeer.frame(0x80, new byte[600], true)), 1009),
                Arguments.of("a message over maxSize", RawPeer.frame(0x82, new byte[1001], true), 1009));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientViolations")
    void theServerFailsTheConnection(String what, byte[] bad, int code) throws Exception {
        List<String> reported = Collections.synchronizedList(new ArrayList<>());
        List<Integer> handlerSaw = Collections.synchronizedList(new ArrayList<>());
        Aio.run(Config.defaults().withExceptionHandler((m, e) -> reported.add(m + ": " + e)), () -> {
            WebSocketServer server = WebSockets.serve(ws -> {
                ConnectionClosed e = assertThrows(ConnectionClosed.class, () -> {
                    for (;;) {
                        ws.recv();
                    }
                });
                handlerSaw.add(e.sentCode());
            }, "127.0.0.1", 0, ServeOptions.defaults().withMaxSize(1000));
            Connection c = RawPeer.client(server.port());
            c.writer().write(bad);
            RawPeer.Frame close = RawPeer.read(c.reader());
            assertEquals(0x8, close.opcode(), what + ": a close frame");
            assertEquals(code, close.closeCode(), what);
            assertTrue(!close.masked(), "a server's frames are not masked");
            c.writer().write(RawPeer.frame(0x88, RawPeer.closePayload(code, ""), true)); // the client's echo
            assertNull(RawPeer.read(c.reader()), "the server ends TCP after its close frame");
            c.close();
            server.close();
            server.waitClosed();
        });
        assertEquals(List.of(code), handlerSaw, "the handler saw ConnectionClosed with the code sent");
        assertEquals(List.of(), reported, "a peer's violation is not an unhandled error");
    }

    /** Frames a server must not send, with the close code the client answers. */
    static Stream<Arguments> serverViolations() {
        return Stream.of(
                Arguments.of("a masked frame", RawPeer.frame(0x81, "hi".getBytes(), true), 1002),
                Arguments.of("invalid UTF-8 in a text frame", RawPeer.frame(0x81, BAD_UTF8, false), 1007),
                Arguments.of("RSV bits", RawPeer.frame(0xf1, "hi".getBytes(), false), 1002),
                Arguments.of("a 2^63 - 1 byte length", RawPeer.frame(0x82, new byte[0], false, Long.MAX_VALUE), 1009),
                Arguments.of("a close code of 999", RawPeer.frame(0x88, RawPeer.closePayload(999, ""), false), 1002),
                Arguments.of("a reserved close code 1005", RawPeer.frame(0x88, RawPeer.closePayload(1005, ""), false), 1002));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverViolations")
    void theClientFailsTheConnection(String what, byte[] bad, int code) throws Exception {
        List<String> reported = Collections.synchronizedList(new ArrayList<>());
        Aio.run(Config.defaults().withExceptionHandler((m, e) -> reported.add(m + ": " + e)), () -> {
            io.aio4j.sync.Event closeSeen = new io.aio4j.sync.Event();
            int[] seen = new int[1];
            Server raw = Net.startServer((in, out) -> {
                RawPeer.serverHandshake(in, out);
                out.write(bad);
                RawPeer.Frame close = RawPeer.read(in);
                seen[0] = close == null ? -1 : close.closeCode();
                assertTrue(close == null || close.masked(), "a client's frames are masked");
                out.write(RawPeer.frame(0x88, RawPeer.closePayload(seen[0], ""), false));
                out.close();
                closeSeen.set();
            }, "127.0.0.1", 0);
            WebSocket ws = WebSockets.connect("ws://127.0.0.1:" + raw.port() + "/");
            ConnectionClosed e = assertThrows(ConnectionClosed.class, ws::recv);
            assertEquals(code, e.sentCode(), what);
            closeSeen.await();
            assertEquals(code, seen[0], what + ": the client's close frame");
            raw.close();
        });
        assertEquals(List.of(), reported, "a peer's violation is not an unhandled error");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
