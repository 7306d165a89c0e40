package io.aio4j.net.internal;

import io.aio4j.bridge.lowlevel.LoopHandle;
import io.aio4j.bridge.lowlevel.Readiness;
import io.aio4j.internal.EventLoopImpl;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.spi.Acceptor;
import io.aio4j.net.spi.Listener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/** A listening socket on the loop's selector: accepts up to the backlog per readiness, as asyncio. */
final class SelectorListener implements Listener {
    private final Acceptor acceptor;
    private final ServerOptions options;
    private final LoopHandle loop;
    private final ServerSocketChannel channel;
    private final Readiness reg;
    private final SocketAddress address;
    /** A Unix server's socket file, and its identity (device and inode) once bound; else null. */
    private final Path unixPath;
    private final Object unixFileKey;
    private boolean closed; // guarded by this

    private SelectorListener(Acceptor acceptor, ServerOptions options, ServerSocketChannel channel, Path unixPath)
            throws IOException {
        this.acceptor = acceptor;
        this.options = options;
        this.loop = EventLoopImpl.current("Net.startServer").handle();
        this.channel = channel;
        this.unixPath = unixPath;
        this.unixFileKey = unixPath == null ? null : fileKey(unixPath);
        this.address = channel.getLocalAddress();
        channel.configureBlocking(false);
        this.reg = loop.register(channel, this::acceptReady);
        reg.interest(SelectionKey.OP_ACCEPT);
    }

    static SelectorListener tcp(Acceptor acceptor, String host, int port, ServerOptions o) throws IOException {
        InetSocketAddress bind = host == null || host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, o.reuseAddress());
            if (o.reusePort()) {
                if (!ch.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    throw new UnsupportedOperationException("reusePort: SO_REUSEPORT is not supported on this platform");
                }
                ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            ch.bind(bind, o.backlog());
            return new SelectorListener(acceptor, o, ch, null);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * asyncio's {@code create_unix_server}: a stale socket file at {@code path} is removed first, and
     * {@link #close()} removes the file only while it is still this server's (same inode).
     */
    static SelectorListener unix(Acceptor acceptor, Path path, ServerOptions o) throws IOException {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                && Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
            Files.delete(path); // asyncio: "Remove socket file if it exists" (only a socket, never a file)
        }
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(path), o.backlog());
            return new SelectorListener(acceptor, o, ch, path);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static Object fileKey(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public SocketAddress address() {
        return address;
    }

    private void acceptReady(int ops) {
        ServerOptions o = options;
        for (int i = 0; i < Math.max(1, o.backlog()); i++) { // asyncio accepts up to backlog at once
            SocketChannel c;
            try {
                c = channel.accept();
            } catch (IOException e) {
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                }
                loop.report("Socket accept failed on " + address, e);
                break;
            }
            if (c == null) {
                break;
            }
            try {
                c.configureBlocking(false);
                if (unixPath == null) {
                    c.setOption(StandardSocketOptions.TCP_NODELAY, o.noDelay());
                    c.setOption(StandardSocketOptions.SO_KEEPALIVE, o.keepAlive());
                }
                Readiness creg = loop.register(c, ops2 -> { });
                acceptor.accept(new SocketWire(c, creg), "a stream connection from " + describe(c));
            } catch (IOException e) {
                loop.report("Cannot set up the connection from " + describe(c), e);
                closeQuietly(c);
            }
        }
        synchronized (this) {
            if (!closed) {
                reg.watch(SelectionKey.OP_ACCEPT);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        reg.cancel();
        closeQuietly(channel);
        if (unixPath != null) {
            try {
                Object now = fileKey(unixPath);
                if (now != null && Objects.equals(now, unixFileKey)) {
                    Files.deleteIfExists(unixPath); // asyncio 3.13: only while the inode is still ours
                }
            } catch (IOException e) {
                loop.report("Cannot remove the Unix socket file " + unixPath, e);
            }
        }
    }

    private static String describe(SocketChannel c) {
        try {
            return String.valueOf(c.getRemoteAddress());
        } catch (IOException e) {
            return "?";
        }
    }

    static void closeQuietly(java.nio.channels.Channel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
