package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kotlin.Unit;
import kotlinx.coroutines.DelayKt;
import kotlinx.coroutines.flow.Flow;
import kotlinx.coroutines.flow.FlowKt;
import org.junit.jupiter.api.Test;

/** Async generators and Flow iteration; the first three logs are CPython 3.11's for the same programs. */
class GeneratorTest {
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private AsyncIterable<Integer> gen(int n) {
        return Aio.generator(out -> {
            try {
                for (int i = 0; i < n; i++) {
                    log.add("produce " + i);
                    out.yield(i);
                    Aio.sleep(0);
                }
                log.add("producer done");
            } catch (CancelledError e) {
                log.add("producer cancelled");
                throw e;
            } finally {
                log.add("producer finally");
            }
        });
    }

    @Test
    void theProducerIsLazyAndInterleavesWithTheConsumer() throws Exception {
        VirtualTime.run(() -> {
            for (int x : gen(3)) {
                log.add("consume " + x);
            }
        });
        assertEquals(List.of("produce 0", "consume 0", "produce 1", "consume 1", "produce 2", "consume 2",
                "producer done", "producer finally"), log);
    }

    @Test
    void closingAfterABreakCancelsTheProducerAtItsYield() throws Exception {
        VirtualTime.run(() -> {
            try (AsyncIterable<Integer> g = gen(10)) {
                for (int x : g) {
                    log.add("consume " + x);
                    if (x == 1) {
                        break;
                    }
                }
                log.add("after break");
            }
            log.add("closed");
        });
        assertEquals(List.of("produce 0", "consume 0", "produce 1", "consume 1", "after break",
                "producer cancelled", "producer finally", "closed"), log);
    }

    @Test
    void theProducersExceptionReachesTheConsumer() throws Exception {
        // asyncio: ['consume 1', 'consumer got producer failed']
        VirtualTime.run(() -> {
            AsyncIterable<Integer> bad = Aio.generator(out -> {
                out.yield(1);
                throw new IllegalStateException("producer failed");
            });
            var e = assertThrows(IllegalStateException.class, () -> {
                for (int x : bad) {
                    log.add("consume " + x);
                }
            });
            log.add("consumer got " + e.getMessage());
        });
        assertEquals(List.of("consume 1", "consumer got producer failed"), log);
    }

    @Test
    void aProducerLeftEarlyIsCancelledWhenTheIteratingTaskFinishes() throws Exception {
        VirtualTime.run(() -> {
            AsyncIterable<Integer> g = gen(10);
            Task<Void> consumer = Aio.createTask(() -> {
                for (int x : g) {
                    if (x == 0) {
                        break; // no try-with-resources
                    }
                }
            });
            consumer.await();
            Aio.sleep(0);
            Aio.sleep(0);
        });
        assertEquals(List.of("produce 0", "producer cancelled", "producer finally"), log);
    }

    @Test
    void cancellingTheConsumerCancelsTheProducer() throws Exception {
        VirtualTime.run(() -> {
            AsyncIterable<Integer> slow = Aio.generator(out -> {
                try {
                    Aio.sleep(10);
                    out.yield(1);
                } catch (CancelledError e) {
                    log.add("producer cancelled");
                    throw e;
                }
            });
            Task<Void> consumer = Aio.createTask(() -> {
                for (int x : slow) {
                    log.add("consume " + x);
                }
            });
            Aio.sleep(0.01);
            consumer.cancel();
            assertThrows(CancelledError.class, consumer::await);
            assertTrue(consumer.cancelled());
        });
        assertEquals(List.of("producer cancelled"), log);
    }

    @Test
    void anAsyncIterableIsIteratedOnce() throws Exception {
        VirtualTime.run(() -> {
            AsyncIterable<Integer> g = gen(1);
            g.iterator();
            assertThrows(IllegalStateException.class, g::iterator);
            g.close();
        });
    }

    @Test
    void aKotlinFlowIsIteratedOnTheLoop() throws Exception {
        List<Integer> got = VirtualTime.run(() -> {
            Flow<Integer> flow = FlowKt.onEach(FlowKt.asFlow(List.of(1, 2, 3)),
                    (v, k) -> DelayKt.delay(1, k)); // suspends in the flow, on the loop's timers
            List<Integer> items = new ArrayList<>();
            for (int x : Aio.iterate(flow)) {
                items.add(x);
            }
            for (int x : Aio.iterate(FlowKt.flowOf(4, 5))) {
                items.add(x);
            }
            return items;
        });
        assertEquals(List.of(1, 2, 3, 4, 5), got);
    }

    @Test
    void closingAFlowIterationCancelsTheCollection() throws Exception {
        AtomicInteger emitted = new AtomicInteger();
        VirtualTime.run(() -> {
            List<Integer> many = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                many.add(i);
            }
            Flow<Integer> flow = FlowKt.onEach(FlowKt.asFlow(many), (v, k) -> {
                emitted.incrementAndGet();
                return Unit.INSTANCE;
            });
            try (AsyncIterable<Integer> it = Aio.iterate(flow)) {
                for (int x : it) {
                    if (x == 2) {
                        break;
                    }
                }
            }
        });
        assertTrue(emitted.get() <= 4, "the flow went on after close: " + emitted.get());
    }
}
