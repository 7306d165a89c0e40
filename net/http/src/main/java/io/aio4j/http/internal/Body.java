package io.aio4j.http.internal;

import io.aio4j.http.ClientPayloadError;
import io.aio4j.net.IncompleteReadError;
import io.aio4j.net.LimitOverrunError;
import io.aio4j.net.StreamReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A response body as it arrives on the connection, delimited by its framing: whatever ends it early
 * (the connection closing, a bad chunk) is a {@link ClientPayloadError}, never a shorter body.
 * Yields the bytes as sent (still content-encoded).
 */
final class Body {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final String NOT_COMPLETED = ": Response payload is not completed: ";

    private final StreamReader in;
    private final Http1.Framing framing;
    private final String what;
    private final long expected;
    private long remaining;
    private long chunkLeft;
    private long received;
    private boolean done;

    Body(StreamReader in, Http1.Framing framing, long contentLength, String what) {
        this.in = in;
        this.framing = framing;
        this.what = what;
        this.expected = contentLength;
        this.remaining = contentLength;
        this.done = framing == Http1.Framing.NONE || framing == Http1.Framing.LENGTH && contentLength == 0;
    }

    /** Whether the whole body has been read (the connection then stands at the next response). */
    boolean complete() {
        return done;
    }

    /** Whether the framing lets the connection carry another response after this one. */
    boolean delimited() {
        return framing != Http1.Framing.UNTIL_CLOSE;
    }

    /** Up to {@code max} bytes of the body; null at its end. */
    byte[] read(int max) throws IOException {
        if (done) {
            return null;
        }
        try {
            return switch (framing) {
                case LENGTH -> readLength(max);
                case CHUNKED -> readChunked(max);
                default -> readToClose(max);
            };
        } catch (IncompleteReadError e) {
            throw cut("the connection closed mid-chunk");
        } catch (ClientPayloadError e) {
            throw e;
        } catch (LimitOverrunError e) {
            throw new ClientPayloadError(what + NOT_COMPLETED + "a chunk-size line over " + in.limit() + " bytes");
        } catch (IOException e) { // a reset, a TLS failure: the body is cut all the same
            throw new ClientPayloadError(what + NOT_COMPLETED + e, e);
        }
    }

    private byte[] readLength(int max) throws IOException {
        byte[] b = in.read((int) Math.min(max, remaining));
        if (b.length == 0) {
            throw new ClientPayloadError(what + NOT_COMPLETED + "<ContentLengthError: 400, message='Not enough data to "
                    + "satisfy content length header.'> (" + received + " of " + expected + " bytes)");
        }
        received += b.length;
        remaining -= b.length;
        done = remaining == 0;
        return b;
    }

    private byte[] readChunked(int max) throws IOException {
        if (chunkLeft == 0) {
            long size = chunkSize(new String(in.readuntil(CRLF), StandardCharsets.ISO_8859_1));
            if (size == 0) {
                for (;;) { // trailers, up to the blank line
                    byte[] line = in.readuntil(CRLF);
                    if (line.length == 2) {
                        break;
                    }
                }
                done = true;
                return null;
            }
            chunkLeft = size;
        }
        byte[] b = in.read((int) Math.min(max, chunkLeft));
        if (b.length == 0) {
            throw cut("the connection closed mid-chunk");
        }
        received += b.length;
        chunkLeft -= b.length;
        if (chunkLeft == 0) {
            byte[] end = in.readexactly(2);
            if (end[0] != '\r' || end[1] != '\n') {
                throw new ClientPayloadError(what + NOT_COMPLETED + "a chunk does not end with CRLF");
            }
        }
        return b;
    }

    private long chunkSize(String line) throws ClientPayloadError {
        String s = line.substring(0, line.length() - 2);
        int semi = s.indexOf(';');
        String hex = (semi < 0 ? s : s.substring(0, semi)).trim();
        if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new ClientPayloadError(what + NOT_COMPLETED + "<TransferEncodingError: 400, message='Not enough data "
                    + "for satisfy transfer length header.'> (invalid chunk size: " + (s.length() > 40 ? s.substring(0, 40) : s) + ")");
        }
        return Long.parseLong(hex, 16);
    }

    private byte[] readToClose(int max) throws IOException {
        byte[] b = in.read(max);
        if (b.length == 0) {
            done = true;
            return null;
        }
        received += b.length;
        return b;
    }

    private ClientPayloadError cut(String why) {
        return new ClientPayloadError(what + NOT_COMPLETED + "<TransferEncodingError: 400, message='Not enough data for "
                + "satisfy transfer length header.'> (" + why + " after " + received + " bytes)");
    }
}
