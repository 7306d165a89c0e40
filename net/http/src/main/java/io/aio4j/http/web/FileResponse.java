package io.aio4j.http.web;

import io.aio4j.Aio;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A file sent as the response body: aiohttp's {@code web.FileResponse}. The file is read in 256 KiB
 * pieces on the loop's executor (the disk never blocks the loop) and sent as fast as the client
 * reads, with its Content-Length, a Content-Type guessed from its name, {@code Last-Modified}, and
 * {@code 304 Not Modified} for a matching {@code If-Modified-Since}. A missing file is a 404, a
 * directory a 403.
 *
 * @apiNote asyncio: {@code web.FileResponse(path)}
 */
public class FileResponse extends StreamResponse {
    private static final int CHUNK = 256 * 1024;

    private final Path path;

    /** A response with the file at {@code path}. */
    public FileResponse(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    /** The file. */
    public final Path path() {
        return path;
    }

    /**
     * Sends the head, then the file.
     *
     * @apiNote asyncio: {@code await response.prepare(request)}
     */
    @Override
    public void prepare(Request request) throws IOException {
        if (prepared()) {
            return;
        }
        BasicFileAttributes attrs;
        try {
            attrs = Aio.toThread(() -> Files.readAttributes(path, BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            throw HttpException.notFound();
        }
        if (attrs.isDirectory()) {
            throw HttpException.forbidden();
        }
        Instant modified = attrs.lastModifiedTime().toInstant().with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0);
        String since = request.header("if-modified-since");
        if (since != null) {
            try {
                Instant t = ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                if (!modified.isAfter(t)) {
                    setStatus(304);
                    setHeader("Last-Modified", HttpDate.format(modified));
                    super.prepare(request);
                    return;
                }
            } catch (java.time.format.DateTimeParseException e) {
                // not a date: ignored, as RFC 9110 13.1.3 says
            }
        }
        if (contentType() == null) {
            String type = java.net.URLConnection.guessContentTypeFromName(path.getFileName().toString());
            setContentType(type == null ? "application/octet-stream"
                    : type.startsWith("text/") ? type + "; charset=utf-8" : type);
        }
        setHeader("Last-Modified", HttpDate.format(modified));
        setContentLength(attrs.size());
        super.prepare(request);
        if (request.method().equals("HEAD") || attrs.size() == 0) {
            return;
        }
        try (FileChannel ch = Aio.toThread(() -> FileChannel.open(path, StandardOpenOption.READ))) {
            long left = attrs.size();
            while (left > 0) {
                ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, left));
                int n = Aio.toThread(() -> {
                    int total = 0;
                    while (buf.hasRemaining()) {
                        int r = ch.read(buf);
                        if (r < 0) {
                            break;
                        }
                        total += r;
                    }
                    return total;
                });
                if (n == 0) {
                    break; // the file shrank: writeEof reports the short body and closes the connection
                }
                write(n == buf.capacity() ? buf.array() : java.util.Arrays.copyOf(buf.array(), n));
                left -= n;
            }
        }
    }
}
