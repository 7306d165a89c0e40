package io.aio4j.http.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The {@code Date} header's value (RFC 9110 IMF-fixdate), formatted once per second. */
final class HttpDate {
    private static volatile long second = -1;
    private static volatile String value = "";

    private HttpDate() {
    }

    static String now() {
        long s = System.currentTimeMillis() / 1000;
        if (s != second) {
            value = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochSecond(s).atOffset(ZoneOffset.UTC));
            second = s;
        }
        return value;
    }

    static String format(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC).withNano(0));
    }
}
