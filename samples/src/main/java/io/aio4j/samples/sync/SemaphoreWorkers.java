package io.aio4j.samples.sync;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.sync.Semaphore;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 002, "信号量": ten workers, at most three at once, two seconds each: eight seconds in all.
 *
 * <pre>{@code
 * semaphore = asyncio.Semaphore(3) # 最多 3 个并发
 * async def worker(worker_id):
 *     async with semaphore:
 *         print(f"Worker {worker_id} acquired")
 *         await asyncio.sleep(2)
 *         print(f"Worker {worker_id} released")
 * async def main():
 *     tasks = [worker(i) for i in range(10)]
 *     await asyncio.gather(*tasks)
 * }</pre>
 */
public final class SemaphoreWorkers {
    private SemaphoreWorkers() {
    }

    static final Semaphore SEMAPHORE = new Semaphore(3); // 最多 3 个并发

    static void worker(int workerId) {
        try (var held = SEMAPHORE.acquire()) {
            System.out.println("Worker " + workerId + " acquired");
            Aio.sleep(2);
            System.out.println("Worker " + workerId + " released");
        }
    }

    static void asyncMain() throws Exception {
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int id = i;
            tasks.add(Aio.createTask(() -> worker(id)));
        }
        Aio.gather(tasks);
    }

    public static void main(String[] args) throws Exception {
        Aio.run(SemaphoreWorkers::asyncMain);
    }
}
