package io.aio4j.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code multipart/form-data} body (RFC 7578): text fields and files, in the order added; sent with
 * {@link RequestOptions#withMultipart(FormData)}. Mutable while it is built, as aiohttp's.
 *
 * {@snippet :
 * FormData form = new FormData()
 *         .add("title", "holiday")
 *         .add("photo", Files.readAllBytes(path), "beach.jpg", "image/jpeg");
 * session.post(url, RequestOptions.none().withMultipart(form));
 * }
 *
 * @apiNote asyncio: {@code aiohttp.FormData} ({@code add_field(name, value, filename=, content_type=)})
 */
public final class FormData {
    private record Part(String name, byte[] data, String filename, String contentType) {
    }

    private final List<Part> parts = new ArrayList<>();
    private final String boundary = "aio4j" + Long.toHexString(ThreadLocalRandom.current().nextLong())
            + Long.toHexString(ThreadLocalRandom.current().nextLong());

    /**
     * A text field.
     *
     * @apiNote asyncio: {@code form.add_field(name, value)}
     */
    public FormData add(String name, String value) {
        parts.add(new Part(check(name), Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8), null, null));
        return this;
    }

    /**
     * A file: its bytes, file name and content type.
     *
     * @apiNote asyncio: {@code form.add_field(name, data, filename=..., content_type=...)}
     */
    public FormData add(String name, byte[] data, String filename, String contentType) {
        parts.add(new Part(check(name), data.clone(), check(filename), Objects.requireNonNull(contentType, "contentType")));
        return this;
    }

    private static String check(String s) {
        Objects.requireNonNull(s, "name");
        if (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a form field name or file name is one line: " + s);
        }
        return s;
    }

    private static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "%22") + '"';
    }

    /** {@code multipart/form-data; boundary=...} */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The encoded body. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            StringBuilder h = new StringBuilder("--").append(boundary).append("\r\nContent-Disposition: form-data; name=")
                    .append(quoted(p.name()));
            if (p.filename() != null) {
                h.append("; filename=").append(quoted(p.filename()));
            }
            h.append("\r\n");
            if (p.contentType() != null) {
                h.append("Content-Type: ").append(p.contentType()).append("\r\n");
            }
            h.append("\r\n");
            out.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.data());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "<FormData " + parts.size() + " parts>";
    }
}
