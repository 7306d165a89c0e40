package io.aio4j.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The shared Jackson mapper for request and response bodies. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
