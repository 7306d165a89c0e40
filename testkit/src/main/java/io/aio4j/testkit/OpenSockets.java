package io.aio4j.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's open sockets, counted through /proc (Linux): what a leak check compares. */
public final class OpenSockets {
    private static final Path FDS = Path.of("/proc/self/fd");

    private OpenSockets() {
    }

    /** Whether this system lets them be counted (Linux's /proc). */
    public static boolean countable() {
        return Files.isDirectory(FDS);
    }

    /** How many sockets this process has open now. */
    public static int count() throws IOException {
        int n = 0;
        try (var links = Files.list(FDS)) {
            for (Path fd : (Iterable<Path>) links::iterator) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
                        n++;
                    }
                } catch (IOException gone) {
                    // closed while listing
                }
            }
        }
        return n;
    }

    /**
     * Waits (a bounded real-time wait, for closes that other threads finish) until at most
     * {@code expected} sockets are open, and returns the count then.
     */
    public static int settle(int expected) throws Exception {
        int n = count();
        for (int i = 0; i < 100 && n > expected; i++) {
            Thread.sleep(30);
            n = count();
        }
        return n;
    }
}
