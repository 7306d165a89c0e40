package io.aio4j.samples.basics;

import io.aio4j.Aio;
import io.aio4j.Done;
import io.aio4j.Task;
import java.util.List;

/**
 * Seed 002, "wait": wait for three tasks, then print the results of those done.
 *
 * <pre>{@code
 * async def task(name, delay):
 *     await asyncio.sleep(delay)
 *     return f"{name} done"
 *
 * async def main():
 *     tasks = [
 *         asyncio.create_task(task("A", 1)),
 *         asyncio.create_task(task("B", 2)),
 *         asyncio.create_task(task("C", 3)),
 *     ]
 *     # 等待所有任务完成
 *     done, pending = await asyncio.wait(tasks)
 *     for task in done:
 *         print(task.result())
 * }</pre>
 *
 * <p>The seed's program does not run: its loop variable {@code task} shadows the coroutine function
 * {@code task}, so Python makes {@code task} local to {@code main} and the first
 * {@code task("A", 1)} fails with {@code UnboundLocalError}. This port does what it means to do. The
 * seed's {@code done} is a Python set, printed in no particular order; {@link Done} keeps the order
 * the tasks were given in (the CPython twin in the tests sorts them the same way).
 */
public final class WaitTasks {
    private WaitTasks() {
    }

    static String task(String name, double delay) {
        Aio.sleep(delay);
        return name + " done";
    }

    static void asyncMain() throws Exception {
        List<Task<String>> tasks = List.of(
                Aio.createTask(() -> task("A", 1)),
                Aio.createTask(() -> task("B", 2)),
                Aio.createTask(() -> task("C", 3)));
        Done<String> waited = Aio.wait(tasks); // 等待所有任务完成
        for (Task<String> t : waited.done()) {
            System.out.println(t.result());
        }
    }

    public static void main(String[] args) throws Exception {
        Aio.run(WaitTasks::asyncMain);
    }
}
