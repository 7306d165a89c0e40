package io.aio4j.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * An open file's positional disk operations, done by the disk's own threads and handed back as
 * futures: what {@link AsyncFile} awaits. A write goes out in chunks of at most {@link #WRITE_CHUNK}
 * bytes, so that {@link #stopWrites()} (a cancellation) leaves a prefix and waits for one chunk at most.
 */
final class DiskChannel {
    /** The most one positional write hands the disk: how much a cancellation may still have to wait for. */
    static final int WRITE_CHUNK = 1 << 20;
    /**
     * The threads that wait for the disk (AsynchronousFileChannel's positional reads and writes).
     * Measured here: 64 KiB reads through it cost a quarter of the same reads as functions on the
     * loop's default executor.
     */
    private static final ExecutorService FILE_POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "aio4j-files");
        t.setDaemon(true);
        return t;
    });
    private static final CompletionHandler<Integer, CompletableFuture<Integer>> HANDLER = new CompletionHandler<>() {
        @Override
        public void completed(Integer n, CompletableFuture<Integer> f) {
            f.complete(n);
        }

        @Override
        public void failed(Throwable e, CompletableFuture<Integer> f) {
            f.completeExceptionally(e);
        }
    };

    private final AsynchronousFileChannel channel;
    /** Set by a cancellation: the write in flight starts no further chunk (read on the disk's threads). */
    private volatile boolean stopped;

    private DiskChannel(AsynchronousFileChannel channel) {
        this.channel = channel;
    }

    /** Opens {@code path} in {@code mode}; blocks (open(2) can), so call it off the loop. */
    static DiskChannel open(Path path, Mode mode) throws IOException {
        return new DiskChannel(AsynchronousFileChannel.open(path, mode.options(), FILE_POOL));
    }

    long size() throws IOException {
        return channel.size();
    }

    CompletableFuture<Long> sizeLater() {
        try {
            return CompletableFuture.completedFuture(channel.size());
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    CompletableFuture<Integer> readAt(ByteBuffer b, long at) {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        try {
            channel.read(b, at, f, HANDLER);
        } catch (RuntimeException e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    /**
     * Writes all of {@code b} at {@code at}, in positional writes of at most {@link #WRITE_CHUNK} bytes;
     * after {@link #stopWrites()} no further chunk starts (the future then fails with a cancellation).
     */
    CompletableFuture<Integer> writeAt(ByteBuffer b, long at) {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        int total = b.remaining();
        int end = b.limit();
        BiConsumer<Integer, Throwable> step = new BiConsumer<>() {
            long pos = at;

            @Override
            public void accept(Integer n, Throwable e) {
                if (e != null) {
                    f.completeExceptionally(e);
                    return;
                }
                pos += n;
                b.limit(end);
                if (!b.hasRemaining()) {
                    f.complete(total);
                    return;
                }
                if (stopped) {
                    f.completeExceptionally(new CancellationException("the write was cancelled at byte " + (pos - at)));
                    return;
                }
                b.limit(Math.min(end, b.position() + WRITE_CHUNK));
                CompletableFuture<Integer> next = new CompletableFuture<>();
                next.whenComplete(this);
                try {
                    channel.write(b, pos, next, HANDLER);
                } catch (RuntimeException x) {
                    f.completeExceptionally(x);
                }
            }
        };
        step.accept(0, null);
        return f;
    }

    /** No further chunk of a write in flight starts. */
    void stopWrites() {
        stopped = true;
    }

    void close() throws IOException {
        channel.close();
    }

    /** Closes a channel nothing was written through (so a failing close loses nothing). */
    void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing buffered, nothing lost
        }
    }
}
