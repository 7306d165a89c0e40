package io.aio4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.aio4j.testkit.AioTesting;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample prints exactly what its Python original prints. The originals and their output (from
 * CPython) are in {@code src/test/resources/expected/NAME.py} and {@code NAME.txt}. The HTTP and
 * WebSocket twins ran with Debian's python3-aiohttp 3.8 and python3-websockets 10.4 against the same
 * stand-in server ({@code python3 NAME.py PORT}).
 */
class SamplesTest {

    static Stream<Sample> samples() {
        return Tour.SAMPLES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void samplePrintsWhatThePythonOriginalPrints(Sample sample) throws Exception {
        String expected;
        try (InputStream in = SamplesTest.class.getResourceAsStream("/expected/" + sample.name() + ".txt")) {
            assertNotNull(in, "no expected output for " + sample.name());
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // on virtual time: the seeds' sleeps take no real time; the stand-in servers are real
            // sockets, so the clock waits out half a second of real idleness before jumping past them, and
            // three seconds while an HTTP response is due (the stand-in's /delay/N really takes N seconds)
            AioTesting.withVirtualTime(500, 3000, () -> sample.program().run());
        } finally {
            System.setOut(original);
        }
        // the stand-in HTTP server listens on a free port: normalized as in the expected files
        String out = captured.toString(StandardCharsets.UTF_8).replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT")
                .replaceAll("\\('127\\.0\\.0\\.1', \\d+\\)", "('127.0.0.1', PORT)");
        assertEquals(expected, out);
    }
}
