package io.aio4j.http.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of a form body ({@link Request#post()}): text fields by name, each with its values in
 * order, and uploaded files.
 *
 * @apiNote asyncio: the {@code MultiDictProxy} of {@code await request.post()}, with
 *     {@code web.FileField} values for files
 */
public final class Form {
    /**
     * An uploaded file of a multipart form.
     *
     * @param name the field's name
     * @param filename the file name the client gave
     * @param contentType the part's Content-Type ({@code application/octet-stream} if none)
     * @param content the file's bytes
     * @apiNote asyncio: {@code web.FileField}
     */
    public record File(String name, String filename, String contentType, byte[] content) {
        /** Checks the components. */
        public File {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
        }
    }

    private final Map<String, List<String>> fields;
    private final Map<String, List<File>> files;

    private Form(Map<String, List<String>> fields, Map<String, List<File>> files) {
        this.fields = fields;
        this.files = files;
    }

    static Form fields(Map<String, List<String>> fields) {
        return new Form(fields, Map.of());
    }

    static Form of(Map<String, List<String>> fields, Map<String, List<File>> files) {
        Map<String, List<String>> f = new LinkedHashMap<>();
        fields.forEach((k, v) -> f.put(k, List.copyOf(v)));
        Map<String, List<File>> g = new LinkedHashMap<>();
        files.forEach((k, v) -> g.put(k, List.copyOf(v)));
        return new Form(Collections.unmodifiableMap(f), Collections.unmodifiableMap(g));
    }

    /** The first value of text field {@code name}, or null. */
    public String get(String name) {
        List<String> v = fields.get(name);
        return v == null ? null : v.get(0);
    }

    /** Every value of text field {@code name}, in order (empty if none). */
    public List<String> getAll(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /** The first file of field {@code name}, or null. */
    public File file(String name) {
        List<File> v = files.get(name);
        return v == null ? null : v.get(0);
    }

    /** Every file of field {@code name}, in order (empty if none). */
    public List<File> files(String name) {
        return files.getOrDefault(name, List.of());
    }

    /** The names of the text fields and of the file fields, in order. */
    public Set<String> names() {
        Set<String> s = new java.util.LinkedHashSet<>(fields.keySet());
        s.addAll(files.keySet());
        return s;
    }

    /** The text fields. */
    public Map<String, List<String>> fields() {
        return fields;
    }

    @Override
    public String toString() {
        List<String> all = new ArrayList<>();
        fields.forEach((k, v) -> v.forEach(x -> all.add(k + "=" + x)));
        files.forEach((k, v) -> v.forEach(x -> all.add(k + "=<file " + x.filename() + ", " + x.content().length + " bytes>")));
        return "<Form " + String.join(", ", all) + ">";
    }
}
