package io.aio4j.net;

import io.aio4j.internal.EventLoopImpl;
import io.aio4j.net.internal.Connector;
import io.aio4j.net.internal.DatagramTransport;
import io.aio4j.net.internal.ServerImpl;
import io.aio4j.net.internal.SubprocessImpl;
import io.aio4j.net.internal.Providers;
import io.aio4j.net.internal.SelectorProvider;
import io.aio4j.net.spi.TransportProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The network front door: asyncio's streams API on the event loop's own selector.
 *
 * {@snippet :
 * // an echo server
 * Server server = Net.startServer((reader, writer) -> {
 *     for (byte[] line : reader) {
 *         writer.write(line);
 *         writer.drain();
 *     }
 * }, "127.0.0.1", 0);
 *
 * // a client
 * Connection c = Net.openConnection("127.0.0.1", server.port());
 * c.writer().write("hello\n".getBytes());
 * byte[] echoed = c.reader().readline();
 * }
 *
 * <p>Sockets are non-blocking and registered on the loop's {@link java.nio.channels.Selector}:
 * readiness resumes a task with no thread hop, as in asyncio's selector event loop.
 */
public final class Net {
    private Net() {
    }

    /**
     * Connects to {@code host:port} and returns the connection's reader and writer. A host with several
     * addresses is tried address by address (see {@link ConnectOptions#withHappyEyeballsDelay}); the
     * name is resolved off the loop.
     *
     * <p><b>Cancellation:</b> a cancelled connect closes the socket it was opening.
     *
     * @apiNote asyncio: {@code reader, writer = await asyncio.open_connection(host, port)}
     * @throws java.net.ConnectException if no address accepts the connection (the other attempts'
     *     errors are suppressed exceptions)
     */
    public static Connection openConnection(String host, int port) throws IOException {
        return openConnection(host, port, ConnectOptions.defaults());
    }

    /**
     * {@link #openConnection(String, int)} with options.
     *
     * @apiNote asyncio: {@code asyncio.open_connection(host, port, limit=..., local_addr=..., happy_eyeballs_delay=...)}
     */
    public static Connection openConnection(String host, int port, ConnectOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        checkPort(port);
        return Providers.of(options).openConnection(host, port, options);
    }

    /**
     * Listens on {@code host:port} ({@code host} null or empty: every interface; {@code port} 0: a
     * free port, see {@link Server#port()}) and serves each connection with {@code handler} in a task
     * of its own.
     *
     * @apiNote asyncio: {@code server = await asyncio.start_server(handler, host, port)}
     */
    public static Server startServer(ConnectionHandler handler, String host, int port) throws IOException {
        return startServer(handler, host, port, ServerOptions.defaults());
    }

    /**
     * {@link #startServer(ConnectionHandler, String, int)} with options.
     *
     * @apiNote asyncio: {@code asyncio.start_server(handler, host, port, limit=..., backlog=..., reuse_address=..., reuse_port=...)}
     */
    public static Server startServer(ConnectionHandler handler, String host, int port, ServerOptions options)
            throws IOException {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(options, "options");
        checkPort(port);
        return Providers.of(options).startServer(handler, host, port, options);
    }

    /**
     * The default provider: non-blocking sockets on the event loop's own {@code java.nio} selector
     * (asyncio's selector event loop). TCP, Unix sockets and TLS.
     *
     * @apiNote asyncio: none (the selector event loop itself)
     */
    public static TransportProvider selectorProvider() {
        return SelectorProvider.INSTANCE;
    }

    /**
     * Connects to the Unix domain socket at {@code path}.
     *
     * @apiNote asyncio: {@code await asyncio.open_unix_connection(path)}
     */
    public static Connection openUnixConnection(String path) throws IOException {
        return openUnixConnection(path, ConnectOptions.defaults());
    }

    /**
     * {@link #openUnixConnection(String)} with options (only the limit applies).
     *
     * @apiNote asyncio: {@code asyncio.open_unix_connection(path, limit=...)}
     */
    public static Connection openUnixConnection(String path, ConnectOptions options) throws IOException {
        Objects.requireNonNull(path, "path");
        return Connector.unix(path, options.limit()).connection();
    }

    /**
     * Listens on a Unix domain socket at {@code path}; the socket file is removed when the server closes.
     *
     * @apiNote asyncio: {@code await asyncio.start_unix_server(handler, path)}
     */
    public static Server startUnixServer(ConnectionHandler handler, String path) throws IOException {
        return startUnixServer(handler, path, ServerOptions.defaults());
    }

    /**
     * {@link #startUnixServer(ConnectionHandler, String)} with options (limit and backlog apply).
     *
     * @apiNote asyncio: {@code asyncio.start_unix_server(handler, path, limit=..., backlog=...)}
     */
    public static Server startUnixServer(ConnectionHandler handler, String path, ServerOptions options)
            throws IOException {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(path, "path");
        return ServerImpl.unix(handler, Path.of(path), options);
    }

    /**
     * Opens a UDP endpoint whose datagrams go to {@code protocol}'s callbacks (on the loop).
     *
     * @apiNote asyncio: {@code transport, protocol = await loop.create_datagram_endpoint(factory, local_addr=..., remote_addr=...)}
     * @throws IllegalArgumentException if the options give neither a local nor a remote address
     */
    public static DatagramEndpoint createDatagramEndpoint(DatagramProtocol protocol, DatagramOptions options)
            throws IOException {
        Objects.requireNonNull(protocol, "protocol");
        return DatagramTransport.open(protocol, Objects.requireNonNull(options, "options"));
    }

    /**
     * Opens a UDP endpoint read with {@link DatagramEndpoint#receive()} (pull style).
     *
     * @apiNote asyncio: {@code loop.create_datagram_endpoint} with a protocol that queues datagrams
     */
    public static DatagramEndpoint createDatagramEndpoint(DatagramOptions options) throws IOException {
        return DatagramTransport.open(null, Objects.requireNonNull(options, "options"));
    }

    /**
     * Starts {@code program} with {@code args}, with pipes for its standard streams.
     *
     * {@snippet :
     * Subprocess p = Net.createSubprocessExec("ls", "-l");
     * byte[] listing = p.communicate().stdout();
     * }
     *
     * @apiNote asyncio: {@code await asyncio.create_subprocess_exec(program, *args, stdin=PIPE, stdout=PIPE, stderr=PIPE)}
     */
    public static Subprocess createSubprocessExec(String program, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Objects.requireNonNull(program, "program"));
        cmd.addAll(List.of(args));
        return createSubprocessExec(cmd, SubprocessOptions.defaults());
    }

    /**
     * Starts {@code command} (program and arguments) as {@code options} say.
     *
     * @apiNote asyncio: {@code await asyncio.create_subprocess_exec(*command, stdin=..., stdout=..., stderr=..., cwd=..., env=...)}
     */
    public static Subprocess createSubprocessExec(List<String> command, SubprocessOptions options) throws IOException {
        return SubprocessImpl.start(List.copyOf(command), Objects.requireNonNull(options, "options"));
    }

    /**
     * Runs {@code cmd} with the system shell ({@code /bin/sh -c}, or {@code cmd.exe /c} on Windows), with
     * pipes for its standard streams.
     *
     * @apiNote asyncio: {@code await asyncio.create_subprocess_shell(cmd, stdin=PIPE, stdout=PIPE, stderr=PIPE)}
     */
    public static Subprocess createSubprocessShell(String cmd) throws IOException {
        return createSubprocessShell(cmd, SubprocessOptions.defaults());
    }

    /**
     * {@link #createSubprocessShell(String)} with options.
     *
     * @apiNote asyncio: {@code await asyncio.create_subprocess_shell(cmd, ...)}
     */
    public static Subprocess createSubprocessShell(String cmd, SubprocessOptions options) throws IOException {
        Objects.requireNonNull(cmd, "cmd");
        List<String> shell = System.getProperty("os.name").startsWith("Windows")
                ? List.of("cmd.exe", "/c", cmd) : List.of("/bin/sh", "-c", cmd);
        return createSubprocessExec(shell, options);
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535: " + port);
        }
    }
}
