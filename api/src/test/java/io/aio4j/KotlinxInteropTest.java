package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.queue.ChannelQueue;
import io.aio4j.queue.QueueEmpty;
import io.aio4j.queue.QueueShutDown;
import java.util.ArrayList;
import java.util.List;
import kotlinx.coroutines.CompletableDeferred;
import kotlinx.coroutines.CompletableDeferredKt;
import kotlinx.coroutines.CompletableJob;
import kotlinx.coroutines.JobKt;
import kotlinx.coroutines.channels.BufferOverflow;
import kotlinx.coroutines.channels.Channel;
import kotlinx.coroutines.channels.ChannelKt;
import kotlinx.coroutines.sync.Mutex;
import kotlinx.coroutines.sync.MutexKt;
import kotlinx.coroutines.sync.Semaphore;
import kotlinx.coroutines.sync.SemaphoreKt;
import org.junit.jupiter.api.Test;

/** kotlinx's Deferred, Job, Mutex, Semaphore and Channel from Java, in aio4j's vocabulary. */
class KotlinxInteropTest {

    @Test
    void aDeferredIsATaskForGatherAndCancellingTheTaskCancelsIt() throws Exception {
        Aio.run(() -> {
            CompletableDeferred<String> d = CompletableDeferredKt.CompletableDeferred(null);
            Task<String> t = Kotlinx.asTask(d);
            Task<String> other = Aio.createTask(() -> "aio4j");
            Aio.createTask(() -> {
                Aio.sleep(0.01);
                d.complete("kotlin");
            });
            assertEquals(List.of("kotlin", "aio4j"), Aio.gather(t, other));

            CompletableDeferred<String> never = CompletableDeferredKt.CompletableDeferred(null);
            Task<String> waiting = Kotlinx.asTask(never);
            Aio.sleep(0);
            waiting.cancel();
            assertThrows(CancelledError.class, waiting::await);
            assertTrue(never.isCancelled(), "asyncio.wrap_future: cancelling the wrapper cancels the wrapped");

            CompletableJob job = JobKt.Job(null);
            Task<Void> joined = Kotlinx.asTask(job);
            Aio.sleep(0);
            job.complete();
            Aio.waitFor(5, joined::await);
        });
    }

    @Test
    void withLockAndWithPermitExcludeAsKotlinsDo() throws Exception {
        Aio.run(() -> {
            Mutex mutex = MutexKt.Mutex(false);
            Semaphore two = SemaphoreKt.Semaphore(2, 0);
            int[] inside = {0, 0};
            int[] most = {0, 0};
            List<Task<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                tasks.add(Aio.createTask(() -> {
                    Kotlinx.withLock(mutex, () -> {
                        most[0] = Math.max(most[0], ++inside[0]);
                        Aio.sleep(0.001);
                        inside[0]--;
                    });
                }));
                tasks.add(Aio.createTask(() -> {
                    Kotlinx.withPermit(two, () -> {
                        most[1] = Math.max(most[1], ++inside[1]);
                        Aio.sleep(0.001);
                        inside[1]--;
                    });
                }));
            }
            Aio.gather(tasks);
            assertEquals(1, most[0]);
            assertEquals(2, most[1]);
            assertTrue(!mutex.isLocked() && two.getAvailablePermits() == 2, "everything released");
        });
    }

    @Test
    void aChannelIsAQueueAndACancelledGetTakesNothing() throws Exception {
        Aio.run(() -> {
            Channel<Integer> rendezvous = ChannelKt.Channel(0, BufferOverflow.SUSPEND, null);
            ChannelQueue<Integer> q = ChannelQueue.of(rendezvous);
            assertThrows(QueueEmpty.class, q::getNowait);

            Task<Integer> cancelled = Aio.createTask(q::get);
            Aio.sleep(0); // it waits in get()
            cancelled.cancel();
            assertThrows(CancelledError.class, cancelled::await);
            Task<Void> producer = Aio.createTask(() -> {
                for (int i = 0; i < 5; i++) {
                    q.put(i);
                }
                q.shutdown();
            });
            List<Integer> got = new ArrayList<>();
            for (int v : q) { // until the channel closes
                got.add(v);
            }
            producer.await();
            assertEquals(List.of(0, 1, 2, 3, 4), got, "the element the cancelled get's receive took came to the next get");
            assertThrows(QueueShutDown.class, q::get);
            assertThrows(QueueShutDown.class, () -> q.put(9));
        });
    }
}
