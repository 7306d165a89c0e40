package io.aio4j.files;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.internal.EventLoopImpl;
import io.aio4j.internal.Futures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

/**
 * An open file, used from a task: reads and writes wait for the disk without holding the loop,
 * through read-ahead and write-behind buffers of 64 KiB, so most calls never leave the task. Text
 * files ({@link #read()}, {@link #readline()}, {@link #write(String)}, line iteration) translate
 * {@code \r\n} and {@code \r} to {@code \n} on reading, as Python's universal newlines do; binary
 * files use the {@code byte[]} methods. Calling one kind on the other kind of file is an error, as
 * in Python ({@code write() argument must be str, not bytes}).
 *
 * <p>Use it from one task at a time. Close it with try-with-resources (Python's {@code async with}).
 *
 * <p><b>Cancellation:</b> cancelling a task while it waits for the disk closes the file: the data not
 * yet written is dropped, what was written stays (the file's content is a prefix of what was
 * written, never a torn mix), and later calls raise {@link IllegalStateException}
 * {@code I/O operation on closed file}. The {@code CancelledError} is thrown only once the disk
 * operation under way has ended (a write stops at its next 1 MiB chunk) and the file is closed, so
 * nothing lands in the file after the cancelled task is done: reopening it at once is safe.
 *
 * @apiNote aiofiles: the object {@code aiofiles.open(...)} returns
 */
public final class AsyncFile implements AutoCloseable, Iterable<String> {
    static final int CHUNK = 64 * 1024;
    private static final byte[] EMPTY = new byte[0];

    private final Path path;
    private final Mode mode;
    private final Charset charset;
    private final DiskChannel channel;
    private final EventLoopImpl loop;
    /** Where the next read or write happens (the channel is positional). */
    private long position;
    /** The disk operation in flight, or the last one: a cancelled wait does not stop it. */
    private CompletableFuture<?> inflight = CompletableFuture.completedFuture(null);
    /** Completes once the channel is closed on disk. */
    final CompletableFuture<Void> closedOnDisk = new CompletableFuture<>();
    private boolean closed;

    // read-ahead: binary bytes[rpos..]; text in its own decoding buffer
    private byte[] rbytes = EMPTY;
    private int rpos;
    private final TextReadAhead text;
    private boolean eof;

    // write-behind
    private final ByteArrayOutputStream wbuf = new ByteArrayOutputStream();

    private AsyncFile(Path path, Mode mode, Charset charset, DiskChannel channel, long position,
            EventLoopImpl loop) {
        this.path = path;
        this.mode = mode;
        this.charset = charset;
        this.channel = channel;
        this.position = position;
        this.loop = loop;
        this.text = new TextReadAhead(charset);
        loop.handle().track(this, "async file " + path);
    }

    static AsyncFile open(Path path, Mode mode, Charset charset) throws IOException {
        EventLoopImpl loop = EventLoopImpl.current("AsyncFiles.open");
        CompletableFuture<DiskChannel> opened = new CompletableFuture<>();
        long[] end = {0};
        loop.defaultExecutor().execute(() -> { // open(2) can block too (a network file system)
            try {
                DiskChannel c = DiskChannel.open(path, mode);
                if (mode.kind() == 'a') {
                    end[0] = c.size();
                }
                if (!opened.complete(c)) {
                    c.close(); // the opening task was cancelled: nobody will close it
                }
            } catch (Throwable t) {
                opened.completeExceptionally(t);
            }
        });
        DiskChannel c;
        try {
            c = Aio.awaitFuture(opened);
        } catch (CancelledError e) {
            // still opening: the opener closes what it opens; opened just before the cancellation
            // reached this task: nobody else holds the channel, so close it here
            if (!opened.cancel(false) && !opened.isCompletedExceptionally()) {
                opened.join().closeQuietly();
            }
            throw e;
        }
        return new AsyncFile(path, mode, charset, c, end[0], loop);
    }

    /** The file's path. */
    public Path path() {
        return path;
    }

    /** The mode it was opened with ({@code "r"}, {@code "wb"}, ...). */
    public String mode() {
        return mode.text();
    }

    /** Whether {@link #close()} was called (or a cancellation closed it). */
    public boolean closed() {
        return closed;
    }

    // ---- disk operations, off the loop, one at a time -------------------------------------------

    /**
     * Awaits a disk operation. A cancellation stops it at its next chunk, waits for the chunk in
     * flight and closes the file before the {@code CancelledError} goes on: once the cancelled task
     * is done, nothing more lands in the file, so whoever opens it next finds a prefix of what was
     * written, never a write arriving late.
     */
    private <T> T io(CompletableFuture<T> op) throws IOException {
        inflight = op;
        try {
            return Aio.awaitFuture(op.copy()); // cancelling the wait must not complete op itself
        } catch (CancelledError c) {
            abandon();
            throw c;
        }
    }

    /**
     * A cancellation during a disk operation: drops what is buffered, lets no further chunk start,
     * waits (through further cancellations) for the one in flight, and closes the file.
     */
    private void abandon() {
        if (closed) {
            return;
        }
        closed = true;
        channel.stopWrites();
        wbuf.reset();
        clearReadAhead();
        Futures.awaitThroughCancellation(inflight, "AsyncFile"); // the caller rethrows its own cancellation
        closeChannel();
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was buffered: a failing close loses nothing
        } finally {
            loop.handle().untrack(this);
            closedOnDisk.complete(null);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("I/O operation on closed file: " + path);
        }
    }

    private void checkReadable(boolean binary) {
        checkOpen();
        if (!mode.readable()) {
            throw new IllegalStateException("not readable: " + path + " is open in mode '" + mode.text() + "'");
        }
        checkKind(binary);
    }

    private void checkWritable(boolean binary) {
        checkOpen();
        if (!mode.writable()) {
            throw new IllegalStateException("not writable: " + path + " is open in mode '" + mode.text() + "'");
        }
        checkKind(binary);
    }

    private void checkKind(boolean binary) {
        if (binary && !mode.binary()) {
            throw new IllegalStateException("bytes need a binary file: " + path + " is open in text mode '" + mode.text()
                    + "' (add 'b' to the mode, or use the String methods)");
        }
        if (!binary && mode.binary()) {
            throw new IllegalStateException("text needs a text file: " + path + " is open in binary mode '" + mode.text()
                    + "' (drop 'b' from the mode, or use the byte[] methods)");
        }
    }

    // ---- reading ---------------------------------------------------------------------------------

    /** Reads the next chunk from the disk into the read-ahead; false at EOF. */
    private boolean fill(boolean all) throws IOException {
        if (eof) {
            return false;
        }
        if (!wbufEmpty()) {
            flushBuffer();
        }
        byte[] chunk = all ? readRest() : readChunk();
        if (chunk == null) {
            eof = true;
            if (!mode.binary()) {
                text.decode(EMPTY, true);
            }
            return false;
        }
        if (mode.binary() && rpos == rbytes.length) {
            rbytes = chunk;
            rpos = 0;
        } else if (mode.binary()) {
            byte[] merged = new byte[rbytes.length - rpos + chunk.length];
            System.arraycopy(rbytes, rpos, merged, 0, rbytes.length - rpos);
            System.arraycopy(chunk, 0, merged, rbytes.length - rpos, chunk.length);
            rbytes = merged;
            rpos = 0;
        } else {
            text.decode(chunk, false);
        }
        if (all) {
            eof = true;
            if (!mode.binary()) {
                text.decode(EMPTY, true);
            }
        }
        return true;
    }

    private byte[] readChunk() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(CHUNK);
        int n = io(channel.readAt(b, position));
        if (n < 0) {
            return null;
        }
        position += n;
        return n == CHUNK ? b.array() : Arrays.copyOf(b.array(), n);
    }

    /** Everything up to EOF, in 8 MiB reads (a whole-file read). */
    private byte[] readRest() throws IOException {
        long left = Math.max(0, io(channel.sizeLater()) - position);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, left + 1));
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(Math.max(left, CHUNK), 8 << 20));
        for (int n; (n = io(channel.readAt(b, position))) >= 0; ) {
            out.write(b.array(), 0, n);
            position += n;
            b.clear();
        }
        return out.size() == 0 ? null : out.toByteArray();
    }


    private void clearReadAhead() {
        rbytes = EMPTY;
        rpos = 0;
        text.clear();
    }

    /** Bytes read from the disk but not yet handed out (to rewind before a write or for tell()). */
    private long unconsumedBytes() {
        if (mode.binary()) {
            return rbytes.length - rpos;
        }
        return text.unconsumedBytes();
    }

    /**
     * The rest of a text file.
     *
     * @apiNote aiofiles: {@code await f.read()}
     */
    public String read() throws IOException {
        checkReadable(false);
        fill(true);
        while (fill(false)) {
            // a file that grew while we read
        }
        return text.takeAll();
    }

    /**
     * Up to {@code n} characters of a text file ({@code n < 0}: the rest); fewer only at EOF, empty at EOF.
     *
     * @apiNote aiofiles: {@code await f.read(n)}
     */
    public String read(int n) throws IOException {
        if (n < 0) {
            return read();
        }
        checkReadable(false);
        while (text.available() < n && fill(false)) {
            // read ahead until n characters are here
        }
        return text.take(n);
    }

    /**
     * The next line of a text file, with its {@code \n}; the last line may lack it; empty at EOF.
     *
     * @apiNote aiofiles: {@code await f.readline()}
     */
    public String readline() throws IOException {
        checkReadable(false);
        for (;;) {
            String line = text.pollLine();
            if (line != null) {
                return line;
            }
            if (!fill(false)) {
                return text.takeAll();
            }
        }
    }

    /**
     * The rest of a binary file.
     *
     * @apiNote aiofiles: {@code await f.read()} on a file opened with {@code 'rb'}
     */
    public byte[] readBytes() throws IOException {
        checkReadable(true);
        fill(true);
        while (fill(false)) {
            // a file that grew while we read
        }
        byte[] r = Arrays.copyOfRange(rbytes, rpos, rbytes.length);
        rbytes = EMPTY;
        rpos = 0;
        return r;
    }

    /** Up to {@code n} bytes of a binary file ({@code n < 0}: the rest); fewer only at EOF. */
    public byte[] readBytes(int n) throws IOException {
        if (n < 0) {
            return readBytes();
        }
        checkReadable(true);
        while (rbytes.length - rpos < n && fill(false)) {
            // read ahead until n bytes are here
        }
        int end = Math.min(rbytes.length, rpos + n);
        byte[] r = Arrays.copyOfRange(rbytes, rpos, end);
        rpos = end;
        return r;
    }

    /** The next line of a binary file, with its {@code \n}; empty at EOF. */
    public byte[] readlineBytes() throws IOException {
        checkReadable(true);
        int from = rpos;
        for (;;) {
            for (int i = from; i < rbytes.length; i++) {
                if (rbytes[i] == '\n') {
                    byte[] r = Arrays.copyOfRange(rbytes, rpos, i + 1);
                    rpos = i + 1;
                    return r;
                }
            }
            int scanned = rbytes.length - rpos;
            if (!fill(false)) {
                byte[] r = Arrays.copyOfRange(rbytes, rpos, rbytes.length);
                rpos = rbytes.length;
                return r;
            }
            from = rpos + scanned;
        }
    }

    /**
     * The lines of a text file, read as the loop goes ({@code async for line in f}). An I/O error
     * comes out as {@link UncheckedIOException}.
     */
    @Override
    public Iterator<String> iterator() {
        checkReadable(false);
        return new Iterator<>() {
            private String next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = readline();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return !next.isEmpty();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("end of " + path);
                }
                String s = next;
                next = null;
                return s;
            }
        };
    }

    // ---- writing ---------------------------------------------------------------------------------

    /**
     * Writes text (encoded in the file's encoding); returns the number of characters.
     *
     * @apiNote aiofiles: {@code await f.write(s)}
     */
    public int write(String s) throws IOException {
        checkWritable(false);
        byte[] b = s.getBytes(charset);
        buffer(b);
        return s.length();
    }

    /**
     * Writes bytes to a binary file; returns their number.
     *
     * @apiNote aiofiles: {@code await f.write(b)} on a file opened with {@code 'wb'}
     */
    public int write(byte[] b) throws IOException {
        checkWritable(true);
        buffer(b.clone());
        return b.length;
    }

    private void buffer(byte[] b) throws IOException {
        if (mode.readable() && !eofAndEmpty()) {
            rewindReadAhead();
        }
        wbuf.write(b, 0, b.length);
        if (wbuf.size() >= CHUNK) {
            flushBuffer();
        }
    }

    private boolean eofAndEmpty() {
        return rbytes.length == rpos && text.isEmpty();
    }

    /** Before a write in a '+' mode: the disk position goes back to where the reader is. */
    private void rewindReadAhead() throws IOException {
        long back = unconsumedBytes();
        clearReadAhead();
        eof = false;
        if (mode.kind() != 'a') {
            position -= back;
        }
    }

    private boolean wbufEmpty() {
        return wbuf.size() == 0;
    }

    private void flushBuffer() throws IOException {
        if (wbuf.size() == 0) {
            return;
        }
        byte[] data = wbuf.toByteArray();
        wbuf.reset();
        long at = mode.kind() == 'a' ? Math.max(position, io(channel.sizeLater())) : position; // append: at the end
        io(channel.writeAt(ByteBuffer.wrap(data), at));
        position = at + data.length;
    }

    /**
     * Writes what is buffered to the file (not an fsync).
     *
     * @apiNote aiofiles: {@code await f.flush()}
     */
    public void flush() throws IOException {
        checkOpen();
        flushBuffer();
    }

    /**
     * The position in bytes where the next read or write happens.
     *
     * @apiNote aiofiles: {@code await f.tell()} (for text files, a byte offset rather than Python's cookie)
     */
    public long tell() throws IOException {
        checkOpen();
        flushBuffer();
        return position - unconsumedBytes();
    }

    /**
     * Moves to byte offset {@code position} (a value from {@link #tell()}, or 0); returns it.
     *
     * @apiNote aiofiles: {@code await f.seek(offset)}
     * @throws IllegalArgumentException if {@code position} is negative
     */
    public long seek(long position) throws IOException {
        checkOpen();
        if (position < 0) {
            throw new IllegalArgumentException("negative seek position " + position);
        }
        flushBuffer();
        clearReadAhead();
        eof = false;
        this.position = position;
        return position;
    }

    /**
     * Writes what is buffered and closes the file; a second call does nothing.
     *
     * @apiNote aiofiles: {@code await f.close()}, the end of {@code async with}
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            flushBuffer();
        } finally {
            if (!closed) {
                closed = true;
                clearReadAhead();
                closeChannel(); // close(2) of a local file does not wait for the disk
            }
        }
    }

    @Override
    public String toString() {
        return "<AsyncFile name='" + path + "' mode='" + mode.text() + "'" + (closed ? " closed" : "") + ">";
    }
}
