package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.aio4j.sync.Lock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A body's checked exception type reaches the caller's catch wherever the body runs inline or its
 * exception is rethrown (Aio.run, waitFor, timeout, toThread, shield, withLock); this class compiling
 * is half of the test.
 */
class CheckedExceptionsTest {

    /** A body that throws no checked exception needs no catch and no throws clause. */
    static int noCheckedException() {
        return Aio.run(() -> Aio.waitFor(1.0, () -> Aio.toThread(() -> 41) + 1));
    }

    @Test
    void catchIoExceptionAroundTheRunCompilesAndCatchesIt() {
        assertEquals(42, noCheckedException());
        try {
            Aio.run(() -> {
                throw new IOException("disk full");
            });
            fail("the body's exception comes out of Aio.run");
        } catch (IOException e) {
            assertEquals("disk full", e.getMessage());
        }
    }

    @Test
    void insideATaskEachInlineCombinatorPassesTheTypeOn() {
        String missing = Aio.run(() -> {
            String text;
            try { // assigned, not returned: javac counts a returned generic call's exception as the lambda's
                text = Aio.toThread(() -> Files.readString(Path.of("/nonexistent/aio4j")));
            } catch (IOException e) { // from the thread's Files.readString, as it is
                text = "toThread";
            }
            return text;
        });
        assertEquals("toThread", missing);
        String all = Aio.run(() -> {
            StringBuilder b = new StringBuilder();
            try {
                Aio.waitFor(1.0, () -> {
                    throw new IOException("waitFor");
                });
            } catch (IOException e) {
                b.append(e.getMessage()).append(' ');
            }
            try {
                Aio.timeout(1.0, () -> {
                    throw new IOException("timeout");
                });
            } catch (IOException e) {
                b.append(e.getMessage()).append(' ');
            }
            try {
                new Lock().withLock(() -> {
                    throw new IOException("withLock");
                });
            } catch (IOException e) {
                b.append(e.getMessage()).append(' ');
            }
            try {
                Aio.shield(() -> {
                    throw new InterruptedException("shield");
                });
            } catch (InterruptedException e) {
                b.append(e.getMessage());
            }
            return b.toString();
        });
        assertEquals("waitFor timeout withLock shield", all);
    }

    @Test
    void aTasksAwaitRethrowsTheBodysExceptionAsItIsUndeclared() {
        String r = Aio.run(() -> {
            Task<String> t = Aio.createTask(() -> {
                throw new IOException("from the task");
            });
            String got;
            try {
                got = t.await();
            } catch (Exception e) { // await() declares nothing: catch Exception and test the type
                got = e instanceof IOException ? "IOException: " + e.getMessage() : "other";
            }
            return got;
        });
        assertEquals("IOException: from the task", r);
    }
}
