package io.aio4j.samples.sync;

import io.aio4j.Aio;
import io.aio4j.AsyncCallable;
import io.aio4j.Task;
import io.aio4j.samples.Py;
import io.aio4j.sync.Semaphore;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 000, "并发控制": {@code limited_concurrent} runs many jobs with at most {@code limit} at once.
 * The seed's {@code fetch(url)} and {@code urls} are not shown; this port fetches from a stand-in
 * that takes half a second and counts how many run at once: 25 jobs, 10 at a time, 1.5 seconds.
 *
 * <pre>{@code
 * async def limited_concurrent(tasks, limit):
 *     semaphore = asyncio.Semaphore(limit)
 *
 *     async def wrapped(task):
 *         async with semaphore:
 *             return await task
 *
 *     return await asyncio.gather(*[wrapped(t) for t in tasks])
 *
 * tasks = [fetch(url) for url in urls]
 * results = await limited_concurrent(tasks, 10)  # 最大10个并发
 * }</pre>
 *
 * <p>A coroutine object is work not started yet; its Java counterpart is an {@link AsyncCallable}.
 */
public final class LimitedConcurrent {
    private LimitedConcurrent() {
    }

    static <T> List<T> limitedConcurrent(List<AsyncCallable<T>> tasks, int limit) {
        Semaphore semaphore = new Semaphore(limit);
        List<Task<T>> wrapped = new ArrayList<>();
        for (AsyncCallable<T> task : tasks) {
            wrapped.add(Aio.createTask(() -> {
                try (var held = semaphore.acquire()) { // async with semaphore
                    return task.call();
                }
            }));
        }
        return Aio.gather(wrapped);
    }

    private static int running;
    private static int most;

    static String fetch(String url) {
        running++;
        most = Math.max(most, running);
        Aio.sleep(0.5);
        running--;
        return url + ": 200";
    }

    static void asyncMain() throws Exception {
        running = 0;
        most = 0;
        List<AsyncCallable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String url = "https://example.com/page/" + i;
            tasks.add(() -> fetch(url));
        }
        List<String> results = limitedConcurrent(tasks, 10); // 最大10个并发
        System.out.println(results.size() + " results, first " + Py.repr(results.get(0)) + ", last "
                + Py.repr(results.get(results.size() - 1)));
        System.out.println("at most " + most + " at once");
    }

    public static void main(String[] args) throws Exception {
        Aio.run(LimitedConcurrent::asyncMain);
    }
}
