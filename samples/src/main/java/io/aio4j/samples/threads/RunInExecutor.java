package io.aio4j.samples.threads;

import io.aio4j.Aio;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Seed 002, "run_in_executor": blocking I/O on a thread pool of one's own; {@code with
 * ThreadPoolExecutor() as pool} is a try-with-resources on an {@link ExecutorService} (which shuts
 * it down and waits, as Python's {@code __exit__} does).
 *
 * <pre>{@code
 * def blocking_io():
 *     time.sleep(2)
 *     return "IO result"
 * async def main():
 *     loop = asyncio.get_event_loop()
 *     with ThreadPoolExecutor() as pool:
 *         result = await loop.run_in_executor(pool, blocking_io)
 *         print(result)
 * }</pre>
 */
public final class RunInExecutor {
    private RunInExecutor() {
    }

    static String blockingIo() throws InterruptedException {
        Thread.sleep(2000); // 模拟阻塞 I/O
        return "IO result";
    }

    static void asyncMain() throws Exception {
        try (ExecutorService pool = Executors.newCachedThreadPool()) {
            String result = Aio.runInExecutor(pool, RunInExecutor::blockingIo);
            System.out.println(result);
        }
    }

    public static void main(String[] args) throws Exception {
        Aio.run(RunInExecutor::asyncMain);
    }
}
