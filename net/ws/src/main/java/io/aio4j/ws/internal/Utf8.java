package io.aio4j.ws.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 as RFC 6455 wants it: strict both ways (no replacement characters, no lone surrogates). */
final class Utf8 {
    private Utf8() {
    }

    static byte[] encode(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) { // a lone surrogate would become '?' in getBytes
                try {
                    ByteBuffer b = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
                    byte[] a = new byte[b.remaining()];
                    b.get(a);
                    return a;
                } catch (CharacterCodingException e) {
                    throw new IllegalArgumentException("a text message must be valid Unicode: a lone surrogate in "
                            + (text.length() > 40 ? text.substring(0, 40) + "..." : text));
                }
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String decode(byte[] b) throws ProtocolError {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolError(ProtocolError.INVALID_DATA, "invalid UTF-8 in a text frame");
        }
    }
}
