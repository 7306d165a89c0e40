package io.aio4j.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.net.DatagramOptions;
import io.aio4j.net.Net;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Each leak check goes red on a body that leaks, naming the leak and where it was created. */
class LeakChecksTest {

    private static String leaks(AioTesting.Body body) {
        AssertionError e = assertThrows(AssertionError.class, () -> AioTesting.run(AioTesting.Settings.defaults(), body));
        return e.getMessage();
    }

    @Test
    void aPendingTaskIsALeak() throws Exception {
        String m = leaks(ctx -> Aio.createTask("forgotten", () -> Aio.sleep(3600)));
        assertTrue(m.startsWith("the test leaked:"), m);
        assertTrue(m.contains("task forgotten is still pending (created at io.aio4j.testkit.LeakChecksTest."), m);
    }

    @Test
    void anUnretrievedTaskExceptionIsALeak() throws Exception {
        String m = leaks(ctx -> {
            Aio.createTask(() -> {
                throw new IllegalStateException("nobody looked");
            });
            Aio.sleep(0);
        });
        assertTrue(m.contains("the loop reported: Task exception was never retrieved"), m);
        assertTrue(m.contains("nobody looked"), m);
    }

    @Test
    void anOpenServerAStreamAndAnEndpointAreLeaks() throws Exception {
        String m = leaks(ctx -> {
            var server = Net.startServer((r, w) -> r.read(), "127.0.0.1", 0);
            Net.openConnection("127.0.0.1", server.port());
            Net.createDatagramEndpoint(DatagramOptions.defaults()
                    .withLocalAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
            java.nio.file.Path file = java.nio.file.Files.createTempFile("aio4j-leak", ".txt");
            file.toFile().deleteOnExit();
            io.aio4j.files.AsyncFiles.open(file, "w");
            ctx.runUntilIdle();
        });
        assertTrue(m.contains("a server on /127.0.0.1:"), m);
        assertTrue(m.contains("a stream connection to /127.0.0.1:"), m);
        assertTrue(m.contains("a datagram endpoint is still open (created at io.aio4j.testkit.LeakChecksTest."), m);
        assertTrue(m.contains("is still pending"), m); // the server's handler task
        assertTrue(m.contains("async file /"), m);
    }

    @Test
    void aCleanBodyPassesAndChecksCanBeTurnedOff() throws Throwable {
        AioTesting.run(AioTesting.Settings.defaults(), ctx -> {
            var server = Net.startServer((r, w) -> { }, "127.0.0.1", 0);
            server.close();
            server.waitClosed();
        });
        AioTesting.run(new AioTesting.Settings(AioTest.NO_SEED, 20, false, 1),
                ctx -> Aio.createTask(() -> Aio.sleep(3600)));
    }
}
