package io.aio4j.samples.threads;

import io.aio4j.Aio;
import io.aio4j.Task;

/**
 * Seed 001, "如何避免阻塞事件循环": CPU-heavy work goes to a thread with {@code to_thread}, and the loop
 * keeps running other tasks meanwhile.
 *
 * <pre>{@code
 * await asyncio.to_thread(cpu_intensive_task)
 * }</pre>
 */
public final class ToThread {
    private ToThread() {
    }

    static long cpuIntensiveTask() {
        long sum = 0;
        for (long i = 0; i < 3_000_000; i++) {
            sum += i * i;
        }
        return sum;
    }

    static void ticker() {
        for (int i = 0; i < 3; i++) {
            Aio.sleep(0.01);
        }
        System.out.println("the loop kept running");
    }

    static void asyncMain() throws Exception {
        Task<Void> tick = Aio.createTask(ToThread::ticker);
        long result = Aio.toThread(ToThread::cpuIntensiveTask);
        tick.await();
        System.out.println("cpu_intensive_task() = " + result);
    }

    public static void main(String[] args) throws Exception {
        Aio.run(ToThread::asyncMain);
    }
}
