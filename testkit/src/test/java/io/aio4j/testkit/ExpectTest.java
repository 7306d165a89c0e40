package io.aio4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aio4j.Aio;
import org.junit.jupiter.api.Test;

/** Expect asserts the order of steps across tasks, and says which step was out of order. */
class ExpectTest {

    @AioTest
    void stepsInOrderAcrossTasks() throws Exception {
        Expect e = new Expect();
        Aio.createTask(() -> e.expect(2));
        e.expect(1);
        Aio.sleep(0);
        e.finish(3);
    }

    @Test
    void aStepOutOfOrderFails() throws Exception {
        Expect e = new Expect();
        e.expect(1);
        assertEquals("expected step 2 next, but reached step 3", assertThrows(AssertionError.class, () -> e.expect(3)).getMessage());
        e.finish(2);
        assertEquals("step 3 reached after finish(2)", assertThrows(AssertionError.class, () -> e.expect(3)).getMessage());
        assertThrows(AssertionError.class, e::unreached);
    }
}
