package io.aio4j.samples.basics;

import io.aio4j.Aio;
import io.aio4j.Task;

/**
 * Seed 000, "Task 任务管理": two workers started as tasks, then awaited; one second in all.
 *
 * <pre>{@code
 * async def worker(name):
 *     await asyncio.sleep(1)
 *     return f"{name} 完成"
 *
 * async def main():
 *     task1 = asyncio.create_task(worker('A'))
 *     task2 = asyncio.create_task(worker('B'))
 *     result1 = await task1
 *     result2 = await task2
 *     print(result1, result2)
 * }</pre>
 */
public final class TaskWorkers {
    private TaskWorkers() {
    }

    static String worker(String name) {
        Aio.sleep(1);
        return name + " 完成";
    }

    static void asyncMain() throws Exception {
        // 创建任务
        Task<String> task1 = Aio.createTask(() -> worker("A"));
        Task<String> task2 = Aio.createTask(() -> worker("B"));
        // 等待完成
        String result1 = task1.await();
        String result2 = task2.await();
        System.out.println(result1 + " " + result2);
    }

    public static void main(String[] args) throws Exception {
        Aio.run(TaskWorkers::asyncMain);
    }
}
