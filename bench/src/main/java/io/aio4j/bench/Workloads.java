package io.aio4j.bench;

import io.aio4j.Aio;
import io.aio4j.Config;
import io.aio4j.Task;
import io.aio4j.sync.Lock;
import io.aio4j.bridge.lowlevel.Waiter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/** The JVM workloads that the quick bench and the JMH micro benchmarks share. */
final class Workloads {
    private Workloads() {
    }

    /**
     * n round trips between two fibers through bare one-shot suspensions (asyncio: two Futures): the
     * engine's handoff without the facade's primitives.
     */
    static void fiberHandoffPingPong(Config config, int n) {
        Waiter[] box = new Waiter[2]; // [0] ping, [1] pong
        Aio.run(config, () -> {
            Task<Void> ponger = Aio.createTask(() -> {
                for (int i = 0; i < n; i++) {
                    Waiter w = box[0] = new Waiter();
                    w.await("pong");
                    box[1].wake();
                }
            });
            Aio.sleep(0);
            for (int i = 0; i < n; i++) {
                Waiter ping = box[0];
                Waiter w = box[1] = new Waiter();
                ping.wake();
                w.await("ping");
            }
            ponger.await();
        });
    }

    /** n round trips between two tasks through two {@code io.aio4j.queue.Queue}s (the ping-pong). */
    static void queuePingPong(Config config, int n) {
        Aio.run(config, () -> {
            io.aio4j.queue.Queue<Integer> ping = new io.aio4j.queue.Queue<>();
            io.aio4j.queue.Queue<Integer> pong = new io.aio4j.queue.Queue<>();
            Task<Void> ponger = Aio.createTask(() -> {
                for (int i = 0; i < n; i++) {
                    pong.put(ping.get());
                }
            });
            for (int i = 0; i < n; i++) {
                ping.put(i);
                pong.get();
            }
            ponger.await();
        });
    }

    /** n tasks created, then awaited in order. */
    static long spawnAwait(Config config, int n) {
        return Aio.run(config, () -> {
            List<Task<Integer>> tasks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int x = i;
                tasks.add(Aio.createTask(() -> x));
            }
            long s = 0;
            for (Task<Integer> t : tasks) {
                s += t.await();
            }
            return s;
        });
    }

    /** n {@code sleep(0)} with nothing else to run. */
    static void sleep0(Config config, int n) {
        Aio.run(config, () -> {
            for (int i = 0; i < n; i++) {
                Aio.sleep(0);
            }
        });
    }

    /** n round trips between two virtual threads through two queues from {@code queues}. */
    static void vtPingPong(Supplier<BlockingQueue<Integer>> queues, int n) throws InterruptedException {
        BlockingQueue<Integer> ping = queues.get();
        BlockingQueue<Integer> pong = queues.get();
        Thread ponger = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    pong.put(ping.take());
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread pinger = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    ping.put(i);
                    pong.take();
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        pinger.join();
        ponger.join();
    }

    /** n {@code Thread.yield()} on a virtual thread. */
    static void vtYield(int n) throws InterruptedException {
        Thread t = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < n; i++) {
                Thread.yield();
            }
        });
        t.join();
    }

    /** {@code tasks} tasks taking turns on one Lock, {@code locks} acquisitions in all, each yielding once inside. */
    static void lockHandoff(Config config, int locks, int tasks) {
        Aio.run(config, () -> {
            Lock lock = new Lock();
            List<Task<Void>> all = new ArrayList<>();
            for (int t = 0; t < tasks; t++) {
                all.add(Aio.createTask(() -> {
                    for (int i = 0; i < locks / tasks; i++) {
                        try (var held = lock.acquire()) {
                            Aio.sleep(0);
                        }
                    }
                }));
            }
            Aio.gather(all);
        });
    }

    /** A gather of {@code n} tasks that each yield once and return their index; the sum. */
    static long gather(Config config, int n) {
        return Aio.run(config, () -> {
            List<Task<Integer>> all = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int x = i;
                all.add(Aio.createTask(() -> {
                    Aio.sleep(0);
                    return x;
                }));
            }
            long s = 0;
            for (int v : Aio.gather(all)) {
                s += v;
            }
            return s;
        });
    }
}
