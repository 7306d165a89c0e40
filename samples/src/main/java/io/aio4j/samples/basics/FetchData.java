package io.aio4j.samples.basics;

import io.aio4j.Aio;
import io.aio4j.Task;
import java.util.Map;

/**
 * Seed 001, "asyncio 模块": a task is scheduled at once but runs only when {@code main} awaits, so
 * "执行其他任务" comes first.
 *
 * <pre>{@code
 * async def fetch_data():
 *     print("开始获取数据")
 *     await asyncio.sleep(2)  # 模拟I/O操作
 *     print("数据获取完成")
 *     return {"data": 123}
 *
 * async def main():
 *     task = asyncio.create_task(fetch_data())
 *     print("执行其他任务")
 *     result = await task
 *     print(f"结果: {result}")
 * }</pre>
 */
public final class FetchData {
    private FetchData() {
    }

    static Map<String, Integer> fetchData() {
        System.out.println("开始获取数据");
        Aio.sleep(2); // 模拟I/O操作
        System.out.println("数据获取完成");
        return Map.of("data", 123);
    }

    static void asyncMain() throws Exception {
        Task<Map<String, Integer>> task = Aio.createTask(FetchData::fetchData);
        System.out.println("执行其他任务");
        Map<String, Integer> result = task.await();
        System.out.println("结果: {'data': " + result.get("data") + "}"); // Python's dict format
    }

    public static void main(String[] args) throws Exception {
        Aio.run(FetchData::asyncMain);
    }
}
