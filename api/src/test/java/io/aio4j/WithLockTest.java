package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aio4j.sync.Lock;
import io.aio4j.sync.Semaphore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** lock.withLock(body) and semaphore.withPermit(body): kotlinx's names beside try-with-resources. */
class WithLockTest {

    @Test
    void theBodyRunsHoldingTheLockAndItsExceptionComesOutAsItIs() throws Exception {
        Aio.run(() -> {
            Lock lock = new Lock();
            int[] count = {0};
            List<Task<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                tasks.add(Aio.createTask(() -> lock.withLock(() -> {
                    int seen = count[0];
                    Aio.sleep(0.001); // another task runs here, and must wait for the lock
                    count[0] = seen + 1;
                })));
            }
            Aio.gather(tasks);
            assertEquals(5, count[0]);
            assertEquals(6, (int) lock.withLock(() -> count[0] + 1));
            IOException e = assertThrows(IOException.class, () -> lock.withLock(() -> {
                throw new IOException("checked, unwrapped");
            }));
            assertEquals("checked, unwrapped", e.getMessage());
            assertFalse(lock.locked(), "released after the exception");
        });
    }

    @Test
    void withPermitLetsAsManyInAsThereArePermitsAndACancelledWaiterRunsNothing() throws Exception {
        Aio.run(() -> {
            Semaphore two = new Semaphore(2);
            int[] inside = {0, 0};
            List<Task<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                tasks.add(Aio.createTask(() -> two.withPermit(() -> {
                    inside[1] = Math.max(inside[1], ++inside[0]);
                    Aio.sleep(0.001);
                    inside[0]--;
                })));
            }
            Aio.gather(tasks);
            assertEquals(2, inside[1]);

            Lock lock = new Lock();
            boolean[] ran = {false};
            lock.acquire();
            Task<Void> waiting = Aio.createTask(() -> lock.withLock(() -> {
                ran[0] = true;
            }));
            Aio.sleep(0);
            waiting.cancel();
            assertThrows(CancelledError.class, waiting::await);
            lock.release();
            Aio.sleep(0);
            assertFalse(ran[0]);
            assertFalse(lock.locked(), "the cancelled waiter did not take the lock");
        });
    }
}
