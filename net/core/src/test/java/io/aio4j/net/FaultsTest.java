package io.aio4j.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.Task;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The network faults the issue names, each with a test over real loopback sockets. */
class FaultsTest {

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void aPeerResetMidReadIsAnIOExceptionNotAHang(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        // a reset: SO_LINGER 0 makes close() send RST, once the client has read what came before it
        java.util.concurrent.CountDownLatch partialRead = new java.util.concurrent.CountDownLatch(1);
        ServerSocket resetting = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            try (resetting; Socket s = resetting.accept()) {
                s.getOutputStream().write("partial".getBytes(UTF_8));
                partialRead.await();
                s.setSoLinger(true, 0);
            } catch (Exception e) {
                // the test sees the effect
            }
        });
        Aio.run(() -> {
            Connection c = Net.openConnection("127.0.0.1", resetting.getLocalPort(), Opts.c(transport));
            assertEquals("partial", new String(c.reader().readexactly(7), UTF_8));
            partialRead.countDown();
            IOException e = assertThrows(IOException.class, () -> c.reader().readline());
            assertTrue(e.getMessage().toLowerCase().contains("reset"), e.getMessage());
            assertThrows(IOException.class, () -> c.reader().read(1)); // every later read fails too
            assertThrows(IOException.class, c.writer()::drain);
            c.close();
        });
    }

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void aSlowClientNeverStallsTheOthers(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        Aio.run(() -> {
            Server server = Net.startServer(ServerTest::echo, "127.0.0.1", 0, Opts.s(transport));
            // a client that sends half a line and then nothing
            Socket slow = Aio.toThread(() -> {
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write("half a li".getBytes(UTF_8));
                return s;
            });
            for (int i = 0; i < 5; i++) {
                int n = i;
                assertEquals(List.of("fast" + n), Aio.waitFor(5, () -> Aio.toThread(() -> ServerTest.plainClient(server.port(), "fast" + n))));
            }
            slow.close();
            server.close();
            server.waitClosed();
        });
    }

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void cancellingATaskBlockedInReadClosesNothingAndTheStreamStaysUsable(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);
        ServerSocket ss = StreamsTest.peer((in, out) -> {
            cancelled.await(); // the line is sent only after the read waiting for it was cancelled
            out.write("late\n".getBytes(UTF_8));
            out.flush();
            in.read(); // holds the connection open until the client closes
        });
        Aio.run(() -> {
            Connection c = Net.openConnection("127.0.0.1", ss.getLocalPort(), Opts.c(transport));
            Task<byte[]> reading = Aio.createTask(() -> c.reader().readline());
            Aio.sleep(0); // the task starts and waits in readline
            reading.cancel();
            assertThrows(CancelledError.class, reading::await);
            cancelled.countDown();
            assertFalse(c.writer().isClosing());
            assertEquals("late\n", new String(c.reader().readline(), UTF_8)); // nothing was lost either
            c.close();
        });
    }

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void aThousandConnectionsOpenedAndClosedLeaveNoFileDescriptorOpen(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        int before = openFds();
        Aio.run(() -> {
            Server server = Net.startServer((r, w) -> {
                w.write(r.readline());
            }, "127.0.0.1", 0, Opts.s(transport));
            for (int i = 0; i < 1000; i++) {
                Connection c = Net.openConnection("127.0.0.1", server.port(), Opts.c(transport));
                c.writer().write("x\n".getBytes(UTF_8));
                c.reader().readline();
                c.close();
                c.writer().waitClosed();
            }
            server.close();
            server.waitClosed();
        });
        int after = openFds();
        assertTrue(after - before <= 5, "file descriptors before " + before + ", after " + after);
    }

    private static int openFds() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? 0 : fds.length;
    }

    @ParameterizedTest
    @MethodSource("io.aio4j.net.Opts#providers")
    void writingToAClosedPeerEventuallyFailsDrain(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        ServerSocket ss = StreamsTest.peer((in, out) -> { });
        Aio.run(() -> {
            Connection c = Net.openConnection("127.0.0.1", ss.getLocalPort(), Opts.c(transport));
            assertEquals(0, c.reader().read().length); // the peer closed
            IOException e = assertThrows(IOException.class, () -> {
                for (int i = 0; i < 1000; i++) {
                    c.writer().write(new byte[64 * 1024]);
                    c.writer().drain();
                }
            });
            // asyncio raises the transport's error (BrokenPipeError / ConnectionResetError)
            String m = e.getMessage().toLowerCase();
            assertTrue(m.contains("broken pipe") || m.contains("reset") || m.contains("connection lost"), e.toString());
            c.close();
        });
    }
}
