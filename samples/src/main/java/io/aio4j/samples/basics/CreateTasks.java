package io.aio4j.samples.basics;

import io.aio4j.Aio;
import io.aio4j.Task;

/**
 * Seed 002, "创建任务": two tasks started at once, then awaited one after the other; the whole
 * program takes one second, not two.
 *
 * <pre>{@code
 * async def fetch_data(id):
 *     print(f"Fetching data {id}")
 *     await asyncio.sleep(1)
 *     return f"Data {id}"
 *
 * async def main():
 *     task1 = asyncio.create_task(fetch_data(1))
 *     task2 = asyncio.create_task(fetch_data(2))
 *     result1 = await task1
 *     result2 = await task2
 *     print(result1, result2)
 * }</pre>
 */
public final class CreateTasks {
    private CreateTasks() {
    }

    static String fetchData(int id) {
        System.out.println("Fetching data " + id);
        Aio.sleep(1);
        return "Data " + id;
    }

    static void asyncMain() throws Exception {
        Task<String> task1 = Aio.createTask(() -> fetchData(1));
        Task<String> task2 = Aio.createTask(() -> fetchData(2));
        String result1 = task1.await();
        String result2 = task2.await();
        System.out.println(result1 + " " + result2);
    }

    public static void main(String[] args) throws Exception {
        Aio.run(CreateTasks::asyncMain);
    }
}
