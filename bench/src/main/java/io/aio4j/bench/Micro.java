package io.aio4j.bench;

import io.aio4j.Aio;
import io.aio4j.Config;
import io.aio4j.bridge.Carrier;
import io.aio4j.Task;
import io.aio4j.queue.Queue;
import io.aio4j.sync.Lock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The micro benchmarks' JVM rows, one method per benchmark and contender ({@code benchmark_contender}),
 * each doing the same work as {@code python/micro.py}. Times are per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss1m", "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class Micro {
    static final int PING_PONGS = 10_000;
    static final int SPAWNS = 100_000;
    static final int YIELDS = 100_000;
    static final int LOCKS = 10_000;
    static final int LOCK_TASKS = 10;
    static final int GATHER = 10_000;
    /** The aio4j rows run on each carrier: {@code _aio4j} on virtual threads, {@code _aio4jLoop} on the loop thread. */
    static final Config VT = Config.defaults().withCarrier(Carrier.virtualThreads());
    static final Config LOOP = Config.defaults().withCarrier(Carrier.loopThread());

    // ---- ping-pong through a queue -------------------------------------------------------------

    @Benchmark
    @OperationsPerInvocation(PING_PONGS)
    public void pingPong_aio4j() {
        Workloads.queuePingPong(VT, PING_PONGS);
    }

    @Benchmark
    @OperationsPerInvocation(PING_PONGS)
    public void pingPong_aio4jLoop() {
        Workloads.queuePingPong(LOOP, PING_PONGS);
    }

    @Benchmark
    @OperationsPerInvocation(PING_PONGS)
    public void pingPong_kotlinx() {
        Kotlinx.queuePingPong(PING_PONGS);
    }

    @Benchmark
    @OperationsPerInvocation(PING_PONGS)
    public void pingPong_vthreads() throws Exception {
        Workloads.vtPingPong(LinkedBlockingQueue::new, PING_PONGS);
    }

    /** The limit: two fibers handing the baton back and forth through bare one-shot suspensions. */
    @Benchmark
    @OperationsPerInvocation(PING_PONGS)
    public void pingPong_limitFiberHandoff() {
        Workloads.fiberHandoffPingPong(Config.defaults(), PING_PONGS);
    }

    // ---- spawn + await ---------------------------------------------------------------------------

    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public long spawnAwait_aio4j() {
        return Workloads.spawnAwait(VT, SPAWNS);
    }

    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public long spawnAwait_aio4jLoop() {
        return Workloads.spawnAwait(LOOP, SPAWNS);
    }

    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public long spawnAwait_kotlinx() {
        return Kotlinx.spawnAwait(SPAWNS);
    }

    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public long spawnAwait_vthreads() throws Exception {
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> fs = new ArrayList<>(SPAWNS);
            for (int i = 0; i < SPAWNS; i++) {
                int x = i;
                fs.add(ex.submit(() -> x));
            }
            long s = 0;
            for (Future<Integer> f : fs) {
                s += f.get();
            }
            return s;
        }
    }

    // ---- sleep(0) --------------------------------------------------------------------------------

    @Benchmark
    @OperationsPerInvocation(YIELDS)
    public void sleep0_aio4j() {
        Workloads.sleep0(VT, YIELDS);
    }

    @Benchmark
    @OperationsPerInvocation(YIELDS)
    public void sleep0_aio4jLoop() {
        Workloads.sleep0(LOOP, YIELDS);
    }

    @Benchmark
    @OperationsPerInvocation(YIELDS)
    public void sleep0_kotlinx() {
        Kotlinx.yields(YIELDS);
    }

    @Benchmark
    @OperationsPerInvocation(YIELDS)
    public void sleep0_vthreads() throws Exception {
        Workloads.vtYield(YIELDS);
    }

    // ---- contended lock handoff ------------------------------------------------------------------

    @Benchmark
    @OperationsPerInvocation(LOCKS)
    public void lockHandoff_aio4j() {
        Workloads.lockHandoff(VT, LOCKS, LOCK_TASKS);
    }

    @Benchmark
    @OperationsPerInvocation(LOCKS)
    public void lockHandoff_aio4jLoop() {
        Workloads.lockHandoff(LOOP, LOCKS, LOCK_TASKS);
    }

    @Benchmark
    @OperationsPerInvocation(LOCKS)
    public void lockHandoff_kotlinx() {
        Kotlinx.lockHandoff(LOCKS, LOCK_TASKS);
    }

    @Benchmark
    @OperationsPerInvocation(LOCKS)
    public void lockHandoff_vthreads() throws Exception {
        ReentrantLock lock = new ReentrantLock(true); // fair: a handoff per release, as asyncio's Lock
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < LOCK_TASKS; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < LOCKS / LOCK_TASKS; i++) {
                    lock.lock();
                    try {
                        Thread.yield();
                    } finally {
                        lock.unlock();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    // ---- gather of 10k tasks ---------------------------------------------------------------------

    @Benchmark
    @OperationsPerInvocation(GATHER)
    public long gather_aio4j() {
        return Workloads.gather(VT, GATHER);
    }

    @Benchmark
    @OperationsPerInvocation(GATHER)
    public long gather_aio4jLoop() {
        return Workloads.gather(LOOP, GATHER);
    }

    @Benchmark
    @OperationsPerInvocation(GATHER)
    public long gather_kotlinx() {
        return Kotlinx.gather(GATHER);
    }

    @Benchmark
    @OperationsPerInvocation(GATHER)
    public long gather_vthreads() throws Exception {
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Callable<Integer>> calls = new ArrayList<>(GATHER);
            for (int i = 0; i < GATHER; i++) {
                int x = i;
                calls.add(() -> {
                    Thread.yield();
                    return x;
                });
            }
            long s = 0;
            for (Future<Integer> f : ex.invokeAll(calls)) {
                s += f.get();
            }
            return s;
        }
    }
}
