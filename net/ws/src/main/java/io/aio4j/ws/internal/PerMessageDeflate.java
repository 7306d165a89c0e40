package io.aio4j.ws.internal;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * RFC 7692 permessage-deflate: the negotiation (offer, response, acceptance) and the per-message
 * compression with the negotiated context takeover.
 *
 * <p>The JDK's {@link Deflater} always uses a 32 KiB window; when the peer limits this side's window
 * ({@code *_max_window_bits} below 15), messages are sent uncompressed, which RFC 7692 allows
 * message by message. Inflation takes any window.
 */
final class PerMessageDeflate {
    static final String NAME = "permessage-deflate";
    /** What a client offers: websockets' default offer, less the window limit it asks of the server. */
    static final String CLIENT_OFFER = NAME + "; client_max_window_bits";
    private static final byte[] TAIL = {0, 0, (byte) 0xff, (byte) 0xff};

    private final boolean compress;
    private final boolean resetDeflater;
    private final boolean resetInflater;
    private Deflater deflater;
    private Inflater inflater;

    private PerMessageDeflate(boolean compress, boolean localNoContextTakeover, boolean remoteNoContextTakeover) {
        this.compress = compress;
        this.resetDeflater = localNoContextTakeover;
        this.resetInflater = remoteNoContextTakeover;
    }

    /**
     * The client's side, from the server's {@code Sec-WebSocket-Extensions} answer to {@link #CLIENT_OFFER}.
     *
     * @throws IllegalArgumentException naming the parameter the offer did not allow
     */
    static PerMessageDeflate accept(String response) {
        Map<String, String> p = params(response);
        int clientBits = 15;
        for (Map.Entry<String, String> e : p.entrySet()) {
            switch (e.getKey()) {
                case "server_no_context_takeover", "client_no_context_takeover" -> noValue(e);
                case "server_max_window_bits" -> bits(e);
                case "client_max_window_bits" -> clientBits = bits(e);
                default -> throw new IllegalArgumentException("unknown permessage-deflate parameter: " + e.getKey());
            }
        }
        return new PerMessageDeflate(clientBits == 15, p.containsKey("client_no_context_takeover"),
                p.containsKey("server_no_context_takeover"));
    }

    /** A server's agreement to one client offer: the extension and the response header, or null to decline it. */
    record Agreement(PerMessageDeflate extension, String response) {
    }

    /** The server's side: the first permessage-deflate offer in {@code header} it can take, or null. */
    static Agreement agree(String header) {
        for (String offer : header.split(",")) {
            if (!offer.split(";")[0].trim().equalsIgnoreCase(NAME)) {
                continue;
            }
            Map<String, String> p;
            try {
                p = params(offer);
                int serverBits = 15;
                for (Map.Entry<String, String> e : p.entrySet()) {
                    switch (e.getKey()) {
                        case "server_no_context_takeover", "client_no_context_takeover" -> noValue(e);
                        case "server_max_window_bits" -> serverBits = bits(e);
                        case "client_max_window_bits" -> {
                            if (e.getValue() != null) {
                                bits(e);
                            }
                        }
                        default -> throw new IllegalArgumentException(e.getKey());
                    }
                }
                StringBuilder r = new StringBuilder(NAME);
                if (p.containsKey("server_no_context_takeover")) {
                    r.append("; server_no_context_takeover");
                }
                if (p.containsKey("client_no_context_takeover")) {
                    r.append("; client_no_context_takeover");
                }
                if (p.containsKey("server_max_window_bits")) {
                    r.append("; server_max_window_bits=").append(serverBits);
                }
                return new Agreement(new PerMessageDeflate(serverBits == 15, p.containsKey("server_no_context_takeover"),
                        p.containsKey("client_no_context_takeover")), r.toString());
            } catch (IllegalArgumentException e) {
                // an offer with parameters this side cannot take: the next one, or none
            }
        }
        return null;
    }

    private static Map<String, String> params(String extension) {
        String[] parts = extension.split(";");
        if (!parts[0].trim().equalsIgnoreCase(NAME)) {
            throw new IllegalArgumentException("not permessage-deflate: " + extension.trim());
        }
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String s = parts[i].trim();
            int eq = s.indexOf('=');
            String name = (eq < 0 ? s : s.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? null : s.substring(eq + 1).trim().replace("\"", "");
            if (p.containsKey(name)) {
                throw new IllegalArgumentException("duplicate permessage-deflate parameter: " + name);
            }
            p.put(name, value);
        }
        return p;
    }

    private static void noValue(Map.Entry<String, String> e) {
        if (e.getValue() != null) {
            throw new IllegalArgumentException(e.getKey() + " takes no value: " + e.getValue());
        }
    }

    private static int bits(Map.Entry<String, String> e) {
        try {
            int b = Integer.parseInt(e.getValue());
            if (b >= 8 && b <= 15) {
                return b;
            }
        } catch (NumberFormatException | NullPointerException ignored) {
            // the error below
        }
        throw new IllegalArgumentException(e.getKey() + " must be 8 to 15: " + e.getValue());
    }

    /** Whether this side compresses what it sends (else it sends messages uncompressed, RSV1 clear). */
    boolean compresses() {
        return compress;
    }

    /** One message's payload, compressed, without the trailing {@code 00 00 ff ff} (RFC 7692 7.2.1). */
    byte[] compress(byte[] data) {
        if (deflater == null) {
            deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        }
        deflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 16);
        byte[] buf = new byte[Math.max(64, Math.min(data.length + 64, 64 * 1024))];
        int n;
        do {
            n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
            out.write(buf, 0, n);
        } while (n == buf.length);
        if (resetDeflater) {
            deflater.reset();
        }
        byte[] b = out.toByteArray();
        return java.util.Arrays.copyOf(b, b.length - TAIL.length);
    }

    /**
     * One compressed message, inflated.
     *
     * @throws ProtocolError 1009 when it inflates past {@code maxSize}, 1007 when it is not deflate data
     */
    byte[] decompress(byte[] data, long maxSize) throws ProtocolError {
        if (inflater == null) {
            inflater = new Inflater(true);
        }
        byte[] in = java.util.Arrays.copyOf(data, data.length + TAIL.length);
        System.arraycopy(TAIL, 0, in, data.length, TAIL.length);
        inflater.setInput(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 2 + 16);
        byte[] buf = new byte[Math.max(256, Math.min(data.length * 4, 64 * 1024))];
        try {
            for (;;) {
                int n = inflater.inflate(buf);
                if (n == 0) {
                    if (inflater.needsInput() || inflater.finished() || inflater.needsDictionary()) {
                        break;
                    }
                    continue;
                }
                out.write(buf, 0, n);
                if (out.size() > maxSize) {
                    throw new ProtocolError(ProtocolError.MESSAGE_TOO_BIG, "message over " + maxSize
                            + " bytes once decompressed");
                }
            }
        } catch (DataFormatException e) {
            throw new ProtocolError(ProtocolError.INVALID_DATA, "invalid compressed data: " + e.getMessage());
        }
        if (resetInflater) {
            inflater.reset();
        }
        return out.toByteArray();
    }

    /** Frees the zlib memory (the connection is closed). */
    void end() {
        if (deflater != null) {
            deflater.end();
        }
        if (inflater != null) {
            inflater.end();
        }
    }
}
