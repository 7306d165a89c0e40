package io.aio4j.http.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A request body read as it arrives ({@link Request#content()}): each read takes what the client
 * has sent, up to a maximum, from the connection — a handler that reads slowly makes the client
 * send slowly (TCP back-pressure), and memory stays bounded whatever the body's size. Iterating
 * yields the body in pieces until its end. A body cut short is an {@link HttpException} 400 (unchecked,
 * so an iteration throws it as it is; another I/O error comes out of an iteration as an
 * {@link UncheckedIOException}).
 *
 * @apiNote asyncio: {@code request.content}, aiohttp's {@code StreamReader}
 */
public final class BodyReader implements Iterable<byte[]> {
    private final RequestBody body;

    BodyReader(RequestBody body) {
        this.body = body;
    }

    /**
     * Up to {@code max} bytes of the body; an empty array at its end.
     *
     * @throws IllegalArgumentException if {@code max} is under 1
     * @apiNote asyncio: {@code await request.content.read(n)}
     */
    public byte[] read(int max) throws IOException {
        if (max < 1) {
            throw new IllegalArgumentException("read at least 1 byte: " + max);
        }
        byte[] b = body.read(max);
        return b == null ? new byte[0] : b;
    }

    /**
     * The rest of the body, however big (prefer {@link Request#bytes()}, which is limited).
     *
     * @apiNote asyncio: {@code await request.content.read()}
     */
    public byte[] readAll() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] b; (b = body.read(1 << 16)) != null;) {
            all.write(b, 0, b.length);
        }
        return all.toByteArray();
    }

    /**
     * Whether the whole body has been read.
     *
     * @apiNote asyncio: {@code request.content.at_eof()}
     */
    public boolean atEof() {
        return body.complete();
    }

    /**
     * The body in pieces as they arrive (each at most 64 KiB).
     *
     * @apiNote asyncio: {@code async for chunk in request.content.iter_any():}
     */
    @Override
    public Iterator<byte[]> iterator() {
        return new Iterator<>() {
            private byte[] next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = body.read(1 << 16);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return next != null;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the body has ended");
                }
                byte[] b = next;
                next = null;
                return b;
            }
        };
    }
}
