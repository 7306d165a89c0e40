package io.aio4j.files;

import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;

/** A Python open() mode, parsed and checked as Python does. */
record Mode(String text, char kind, boolean binary, boolean plus) {

    static Mode parse(String mode) {
        if (mode == null) {
            throw new IllegalArgumentException("invalid mode: null");
        }
        java.util.Set<Character> seen = new java.util.HashSet<>();
        for (char c : mode.toCharArray()) {
            if ("axrwb+t".indexOf(c) < 0 || !seen.add(c)) {
                throw new IllegalArgumentException("invalid mode: '" + mode + "'");
            }
        }
        boolean binary = seen.contains('b');
        boolean plus = seen.contains('+');
        if (binary && seen.contains('t')) {
            throw new IllegalArgumentException("can't have text and binary mode at once: '" + mode + "'");
        }
        char kind = 0;
        int kinds = 0;
        for (char c : new char[] {'r', 'w', 'a', 'x'}) {
            if (seen.contains(c)) {
                kind = c;
                kinds++;
            }
        }
        if (kinds > 1) {
            throw new IllegalArgumentException("must have exactly one of create/read/write/append mode: '" + mode + "'");
        }
        if (kinds == 0) {
            throw new IllegalArgumentException("Must have exactly one of create/read/write/append mode and at most one plus: '"
                    + mode + "'");
        }
        return new Mode(mode, kind, binary, plus);
    }

    boolean readable() {
        return kind == 'r' || plus;
    }

    boolean writable() {
        return kind != 'r' || plus;
    }

    Set<OpenOption> options() {
        Set<OpenOption> o = new java.util.HashSet<>(EnumSet.noneOf(StandardOpenOption.class));
        if (readable()) {
            o.add(StandardOpenOption.READ);
        }
        if (writable()) {
            o.add(StandardOpenOption.WRITE);
        }
        switch (kind) {
            case 'w' -> {
                o.add(StandardOpenOption.CREATE);
                o.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
            case 'a' -> {
                o.add(StandardOpenOption.CREATE); // appending is AsyncFile's: it writes at the end
            }
            case 'x' -> o.add(StandardOpenOption.CREATE_NEW);
            default -> {
            }
        }
        return o;
    }
}
