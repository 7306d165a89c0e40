package io.aio4j.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * A text file's read-ahead: bytes from the disk decoded in the file's charset (a character split
 * across two reads waits for the rest) with Python's universal newlines ({@code \r\n} and {@code \r}
 * become {@code \n}, a {@code \r} at the end of a read waiting to see what follows), handed out as
 * strings.
 */
final class TextReadAhead {
    private static final byte[] EMPTY = new byte[0];

    private final Charset charset;
    private final CharsetDecoder decoder;
    private final StringBuilder chars = new StringBuilder();
    private int pos; // chars[pos..] not handed out yet
    private int scanned; // chars[pos..scanned] hold no newline
    private byte[] undecoded = EMPTY;
    private boolean pendingCr;

    TextReadAhead(Charset charset) {
        this.charset = charset;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Decodes {@code chunk} into the read-ahead; {@code end}: no bytes follow (EOF).
     *
     * @throws java.nio.charset.CharacterCodingException for bytes that are not text in the charset
     */
    void decode(byte[] chunk, boolean end) throws IOException {
        byte[] in = undecoded.length == 0 ? chunk : concat(undecoded, chunk);
        ByteBuffer bytes = ByteBuffer.wrap(in);
        CharBuffer out = CharBuffer.allocate((int) (in.length * (double) decoder.maxCharsPerByte()) + 4);
        CoderResult r = decoder.decode(bytes, out, end);
        if (r.isError()) {
            r.throwException();
        }
        if (end) {
            decoder.flush(out);
            decoder.reset();
        }
        undecoded = Arrays.copyOfRange(in, bytes.position(), in.length);
        out.flip();
        compact();
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (pendingCr) {
                pendingCr = false;
                chars.append('\n');
                if (c == '\n') {
                    continue; // \r\n is one newline
                }
            }
            if (c == '\r') {
                pendingCr = true;
            } else {
                chars.append(c);
            }
        }
        if (end && pendingCr) {
            pendingCr = false;
            chars.append('\n');
        }
    }

    /** Characters ready to hand out. */
    int available() {
        return chars.length() - pos;
    }

    /** Up to {@code n} characters. */
    String take(int n) {
        int end = Math.min(chars.length(), pos + n);
        String s = chars.substring(pos, end);
        pos = end;
        compact();
        return s;
    }

    /** Everything decoded so far. */
    String takeAll() {
        String s = chars.substring(pos);
        chars.setLength(0);
        pos = 0;
        scanned = 0;
        return s;
    }

    /** The next line with its {@code \n}, or null while no whole line is here. */
    String pollLine() {
        int nl = chars.indexOf("\n", Math.max(pos, scanned));
        if (nl < 0) {
            scanned = chars.length();
            return null;
        }
        String s = chars.substring(pos, nl + 1);
        pos = nl + 1;
        compact();
        return s;
    }

    /** Whether nothing is buffered, decoded or not. */
    boolean isEmpty() {
        return chars.length() == pos && undecoded.length == 0 && !pendingCr;
    }

    /** The bytes in the file that the buffered characters came from (to rewind the file position). */
    long unconsumedBytes() {
        return charset.encode(chars.substring(pos)).remaining() + undecoded.length + (pendingCr ? 1 : 0);
    }

    void clear() {
        chars.setLength(0);
        pos = 0;
        scanned = 0;
        undecoded = EMPTY;
        pendingCr = false;
        decoder.reset();
    }

    private void compact() {
        if (pos > 0 && pos > chars.length() / 2) {
            chars.delete(0, pos);
            scanned = Math.max(0, scanned - pos);
            pos = 0;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
