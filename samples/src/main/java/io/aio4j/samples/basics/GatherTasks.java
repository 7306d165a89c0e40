package io.aio4j.samples.basics;

import io.aio4j.Aio;

/**
 * Seed 000, "协程并发": three coroutines at once; they finish in order of their delays.
 *
 * <pre>{@code
 * async def task(name, delay):
 *     await asyncio.sleep(delay)
 *     print(f"任务 {name} 完成")
 *
 * async def main():
 *     await asyncio.gather(task('A', 1), task('B', 2), task('C', 1))
 *
 * asyncio.run(main())
 * # 输出顺序: A, C, B(按完成时间)
 * }</pre>
 */
public final class GatherTasks {
    private GatherTasks() {
    }

    static Void task(String name, double delay) {
        Aio.sleep(delay);
        System.out.println("任务 " + name + " 完成");
        return null;
    }

    static void asyncMain() throws Exception {
        Aio.gather(
                Aio.createTask(() -> task("A", 1)),
                Aio.createTask(() -> task("B", 2)),
                Aio.createTask(() -> task("C", 1)));
    }

    public static void main(String[] args) throws Exception {
        Aio.run(GatherTasks::asyncMain);
    }
}
