package io.aio4j.testkit;

import io.aio4j.net.spi.Transports;
import java.time.Duration;
import java.util.Objects;

/**
 * Routes {@code Net.openConnection} and {@code Net.startServer} on the current loop to in-memory
 * streams with the same API, so network code runs under virtual time and reproducible schedules,
 * with faults on demand.
 *
 * {@snippet :
 * @AioTest
 * void echoSurvivesOneByteWrites(AioTestContext ctx) throws Exception {
 *     MemoryNetwork net = MemoryNetwork.install().splitWritesInto(1);
 *     Server server = Net.startServer(Echo::handle, "127.0.0.1", 0);
 *     try (Connection c = Net.openConnection("127.0.0.1", server.port())) { ... }
 *     server.close();
 * }
 * }
 *
 * @apiNote asyncio: none; Trio's {@code memory_stream_pair} with MockWebServer-style faults
 */
public final class MemoryNetwork {
    private final MemoryProvider impl = new MemoryProvider();
    private int chunkSize;
    private long latencyNanos;
    private long resetAfter = -1;

    private MemoryNetwork() {
    }

    /**
     * Installs a memory network on the current loop: from now on its TCP servers and connections are
     * in memory, TLS included (aio4j's TLS layer runs over the memory wire; Unix sockets and UDP stay
     * real). It is a {@link io.aio4j.net.spi.TransportProvider}, installed with
     * {@link Transports#install}; {@link #provider()} names it in options explicitly.
     *
     * @throws IllegalStateException outside a task
     */
    public static MemoryNetwork install() {
        MemoryNetwork n = new MemoryNetwork();
        Transports.install(n.impl);
        return n;
    }

    /** Goes back to real sockets for this loop (call it on the loop it was installed on). */
    public void uninstall() {
        if (Transports.installed() == impl) {
            Transports.install(null);
        }
    }

    /** The memory network as a provider, for {@code ConnectOptions/ServerOptions.withProvider}. */
    public io.aio4j.net.spi.TransportProvider provider() {
        return impl;
    }

    /** Every write arrives in chunks of at most {@code bytes}, each on its own loop turn (down to 1). */
    public MemoryNetwork splitWritesInto(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("chunks must be at least 1 byte: " + bytes);
        }
        chunkSize = bytes;
        return apply();
    }

    /** Every chunk arrives {@code d} after it was written (virtual time). */
    public MemoryNetwork latency(Duration d) {
        latencyNanos = Objects.requireNonNull(d, "latency").toNanos();
        return apply();
    }

    /** A connection is reset (both ends get a SocketException) once {@code bytes} went one way. */
    public MemoryNetwork resetAfter(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("reset after a number of bytes >= 0: " + bytes);
        }
        resetAfter = bytes;
        return apply();
    }

    /** Connections are refused ({@code ConnectException}) while {@code on}. */
    public MemoryNetwork refuseConnections(boolean on) {
        impl.refuseConnections(on);
        return this;
    }

    /** Removes every fault. */
    public MemoryNetwork clearFaults() {
        chunkSize = 0;
        latencyNanos = 0;
        resetAfter = -1;
        impl.refuseConnections(false);
        return apply();
    }

    private MemoryNetwork apply() {
        impl.faults(new MemoryWire.Faults(chunkSize, latencyNanos, resetAfter));
        return this;
    }
}
