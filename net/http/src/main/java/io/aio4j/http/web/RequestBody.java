package io.aio4j.http.web;

import io.aio4j.net.IncompleteReadError;
import io.aio4j.net.LimitOverrunError;
import io.aio4j.net.StreamReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A request body as it arrives, delimited by Content-Length or chunked coding (RFC 9112 section 6):
 * bytes are read from the connection only as the handler asks for them (so a slow handler slows the
 * client down), and a body that ends early or is badly framed is a 400, never a shorter body.
 */
final class RequestBody {
    private static final byte[] CRLF = {'\r', '\n'};

    private final StreamReader in;
    private final boolean chunked;
    private final long length;
    private long remaining;
    private long chunkLeft;
    private long received;
    private boolean done;
    private boolean failed;
    private Runnable beforeFirstRead;

    private RequestBody(StreamReader in, boolean chunked, long length, Runnable beforeFirstRead) {
        this.in = in;
        this.chunked = chunked;
        this.length = length;
        this.remaining = length;
        this.done = !chunked && length == 0;
        this.beforeFirstRead = beforeFirstRead;
    }

    /**
     * The body of {@code head}: chunked, by Content-Length, or none.
     *
     * @param beforeFirstRead runs once before the first byte is asked for (sends 100 Continue)
     */
    static RequestBody of(StreamReader in, RequestHead head, Runnable beforeFirstRead) {
        if (head.headers().containsKey("transfer-encoding")) {
            var te = head.headers().get("transfer-encoding");
            String last = te.get(te.size() - 1);
            String[] codings = last.split(",");
            if (te.size() > 1 || codings.length > 1 || !codings[0].trim().equalsIgnoreCase("chunked")) {
                throw new HttpException(501, "Not Implemented", "Transfer-Encoding not supported: " + String.join(", ", te));
            }
            return new RequestBody(in, true, -1, beforeFirstRead);
        }
        var cl = head.headers().get("content-length");
        if (cl == null) {
            return new RequestBody(in, false, 0, null);
        }
        long n = -1;
        for (String value : cl) {
            String v = value.trim();
            if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new HttpException(400, "Bad Request", "Bad Request: invalid Content-Length: " + value);
            }
            long m = Long.parseLong(v);
            if (n >= 0 && m != n) {
                throw new HttpException(400, "Bad Request", "Bad Request: contradictory Content-Length: " + cl);
            }
            n = m;
        }
        return new RequestBody(in, false, n, n == 0 ? null : beforeFirstRead);
    }

    /** The declared length, or -1 for a chunked body. */
    long length() {
        return length;
    }

    boolean chunked() {
        return chunked;
    }

    /** Whether every byte of the body has been read (the connection then stands at the next request). */
    boolean complete() {
        return done;
    }

    /** Whether the body turned out cut short or badly framed (the connection cannot go on). */
    boolean failed() {
        return failed;
    }

    /** Bytes read so far. */
    long received() {
        return received;
    }

    /** Up to {@code max} bytes; null at the end of the body. */
    byte[] read(int max) throws IOException {
        if (done) {
            return null;
        }
        if (beforeFirstRead != null) {
            Runnable r = beforeFirstRead;
            beforeFirstRead = null;
            r.run();
        }
        try {
            return chunked ? readChunked(max) : readLength(max);
        } catch (HttpException e) {
            failed = true;
            done = true;
            throw e;
        } catch (IncompleteReadError e) {
            failed = true;
            throw cut();
        } catch (LimitOverrunError e) {
            failed = true;
            throw new HttpException(400, "Bad Request", "Bad Request: a chunk-size line over " + in.limit() + " bytes");
        }
    }

    private byte[] readLength(int max) throws IOException {
        byte[] b = in.read((int) Math.min(max, remaining));
        if (b.length == 0) {
            throw cut();
        }
        received += b.length;
        remaining -= b.length;
        done = remaining == 0;
        return b;
    }

    private byte[] readChunked(int max) throws IOException {
        if (chunkLeft == 0) {
            byte[] line = in.readuntil(CRLF);
            String s = new String(line, 0, line.length - 2, StandardCharsets.ISO_8859_1);
            int semi = s.indexOf(';');
            String hex = (semi < 0 ? s : s.substring(0, semi)).trim();
            if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new HttpException(400, "Bad Request", "Bad Request: invalid chunk size: "
                        + (s.length() > 40 ? s.substring(0, 40) : s));
            }
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                for (int trailers = 0;; trailers++) {
                    if (in.readuntil(CRLF).length == 2) {
                        break;
                    }
                    if (trailers >= RequestHead.MAX_FIELDS) {
                        throw new HttpException(431, "Request Header Fields Too Large", "too many trailer fields");
                    }
                }
                done = true;
                return null;
            }
            chunkLeft = size;
        }
        byte[] b = in.read((int) Math.min(max, chunkLeft));
        if (b.length == 0) {
            throw cut();
        }
        received += b.length;
        chunkLeft -= b.length;
        if (chunkLeft == 0) {
            byte[] end = in.readexactly(2);
            if (end[0] != '\r' || end[1] != '\n') {
                throw new HttpException(400, "Bad Request", "Bad Request: a chunk does not end with CRLF");
            }
        }
        return b;
    }

    private HttpException cut() {
        done = true;
        return new HttpException(400, "Bad Request", "Bad Request: the request body was cut short: the connection "
                + "ended after " + received + (length >= 0 ? " of " + length : "") + " bytes");
    }
}
