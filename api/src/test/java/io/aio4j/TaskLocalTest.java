package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** TaskLocal follows contextvars; the expected lines are CPython 3.11's (see the comments). */
class TaskLocalTest {
    static final TaskLocal<String> VAR = TaskLocal.of("var", "default");

    @Test
    void eachTaskStartsWithACopyOfItsCreatorsValues() throws Exception {
        // asyncio: main sees default / child sees main / child result child | main sees main-after-create
        List<String> log = new ArrayList<>();
        VirtualTime.run(() -> {
            log.add("main sees " + VAR.get());
            VAR.set("main");
            Task<String> child = Aio.createTask(() -> {
                log.add("child sees " + VAR.get());
                VAR.set("child");
                Aio.sleep(0);
                return VAR.get();
            });
            VAR.set("main-after-create");
            log.add("child result " + child.await() + " | main sees " + VAR.get());
        });
        assertEquals(List.of("main sees default", "child sees main",
                "child result child | main sees main-after-create"), log);
    }

    @Test
    void toThreadSeesACopyOfTheCallersValues() throws Exception {
        // asyncio: to_thread sees main-after-create | main sees main-after-create
        VirtualTime.run(() -> {
            VAR.set("caller");
            String seen = Aio.toThread(() -> {
                String v = VAR.get();
                VAR.set("thread"); // stays in the copy
                return v;
            });
            assertEquals("caller", seen);
            assertEquals("caller", VAR.get());
        });
    }

    @Test
    void resetPutsBackThePreviousValueOnce() throws Exception {
        // asyncio: after reset main-after-create / reset twice: ... has already been used once
        VirtualTime.run(() -> {
            VAR.set("before");
            TaskLocal.Token<String> tok = VAR.set("temp");
            VAR.reset(tok);
            assertEquals("before", VAR.get());
            var e = assertThrows(IllegalStateException.class, () -> VAR.reset(tok));
            assertEquals("<Token used var=<TaskLocal name='var' default=default>> has already been used once", e.getMessage());
            TaskLocal.Token<String> first = VAR.set("x");
            Task<Void> other = Aio.createTask(() -> VAR.reset(first));
            assertThrows(IllegalArgumentException.class, other::await);
        });
    }

    @Test
    void aVariableWithoutDefaultThrowsUntilSet() throws Exception {
        TaskLocal<Integer> nodefault = TaskLocal.of("nodefault");
        VirtualTime.run(() -> {
            var e = assertThrows(NoSuchElementException.class, nodefault::get);
            assertEquals("TaskLocal 'nodefault' has no value in this task and no default", e.getMessage());
            assertEquals(5, nodefault.get(5));
            nodefault.set(null);
            assertNull(nodefault.get());
            nodefault.set(1);
            assertEquals(1, nodefault.get());
        });
    }

    @Test
    void siblingsDoNotSeeEachOthersValues() throws Exception {
        VirtualTime.run(() -> {
            Task<String> a = Aio.createTask(() -> {
                VAR.set("a");
                Aio.sleep(0.01);
                return VAR.get();
            });
            Task<String> b = Aio.createTask(() -> {
                Aio.sleep(0.005);
                return VAR.get();
            });
            assertEquals("a", a.await());
            assertEquals("default", b.await());
            assertEquals("default", VAR.get());
        });
    }
}
