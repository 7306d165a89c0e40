package io.aio4j.internal;

import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;

/** Python's {@code repr()} for the values aio4j shows in its own toString()s (a task's result, a queue's items). */
public final class Repr {
    private Repr() {
    }

    public static String of(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof CharSequence s) {
            String t = s.toString();
            if (t.indexOf('\'') >= 0 && t.indexOf('"') < 0) {
                return "\"" + t.replace("\\", "\\\\") + "\"";
            }
            return "'" + t.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Collection<?> c) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            for (Object o : c) {
                j.add(of(o));
            }
            return j.toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                j.add(of(e.getKey()) + ": " + of(e.getValue()));
            }
            return j.toString();
        }
        return v.toString();
    }
}
