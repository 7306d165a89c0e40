package io.aio4j.samples;

import java.util.List;
import java.util.stream.Collectors;

/** Printing values the way Python's {@code print} does, so that ports print the same lines. */
public final class Py {
    private Py() {
    }

    /** {@code print(list_of_str)}: {@code ['a', 'b']}. */
    public static String repr(List<String> strings) {
        return strings.stream().map(s -> "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
