package io.aio4j.http.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@code multipart/form-data} body (RFC 7578) split into its fields and files. */
final class Multipart {
    private Multipart() {
    }

    static Form parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Map<String, List<Form.File>> files = new LinkedHashMap<>();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw bad("no boundary " + boundary + " in the body");
        }
        for (;;) {
            int after = at + delimiter.length;
            if (after + 2 <= body.length && body[after] == '-' && body[after + 1] == '-') {
                return Form.of(fields, files); // the close delimiter
            }
            if (after + 2 > body.length || body[after] != '\r' || body[after + 1] != '\n') {
                throw bad("a boundary line does not end with CRLF");
            }
            int headStart = after + 2;
            int headEnd = indexOf(body, new byte[] {'\r', '\n', '\r', '\n'}, headStart);
            if (headEnd < 0) {
                throw bad("a part has no blank line after its headers");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            String head = new String(body, headStart, headEnd - headStart, StandardCharsets.UTF_8);
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw bad("invalid part header: " + line);
                }
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            int contentStart = headEnd + 4;
            byte[] next = new byte[delimiter.length + 2];
            next[0] = '\r';
            next[1] = '\n';
            System.arraycopy(delimiter, 0, next, 2, delimiter.length);
            int contentEnd = indexOf(body, next, contentStart);
            if (contentEnd < 0) {
                throw bad("a part is not closed by the boundary");
            }
            String disposition = headers.get("content-disposition");
            String name = Urls.parameter(disposition, "name");
            if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data") || name == null) {
                throw bad("a part without Content-Disposition: form-data; name=...");
            }
            byte[] content = Arrays.copyOfRange(body, contentStart, contentEnd);
            String filename = Urls.parameter(disposition, "filename");
            if (filename != null) {
                files.computeIfAbsent(name, n -> new ArrayList<>()).add(new Form.File(name, filename,
                        headers.getOrDefault("content-type", "application/octet-stream"), content));
            } else {
                String cs = Urls.parameter(headers.get("content-type"), "charset");
                fields.computeIfAbsent(name, n -> new ArrayList<>()).add(new String(content,
                        cs == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(cs)));
            }
            at = contentEnd + 2;
        }
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static HttpException bad(String why) {
        return HttpException.badRequest("Bad Request: malformed multipart/form-data: " + why);
    }
}
