package io.aio4j.samples.timeouts;

import io.aio4j.Aio;
import io.aio4j.TimeoutError;

/**
 * Seed 000, "超时处理": a task that takes ten seconds, given five.
 *
 * <pre>{@code
 * async def slow_task():
 *     await asyncio.sleep(10)
 *     return "完成"
 *
 * async def main():
 *     try:
 *         result = await asyncio.wait_for(slow_task(), timeout=5)
 *     except asyncio.TimeoutError:
 *         print("任务超时")
 * }</pre>
 */
public final class WaitForTimeout {
    private WaitForTimeout() {
    }

    static String slowTask() {
        Aio.sleep(10);
        return "完成";
    }

    static void asyncMain() throws Exception {
        try {
            String result = Aio.waitFor(5, WaitForTimeout::slowTask);
            System.out.println(result);
        } catch (TimeoutError e) {
            System.out.println("任务超时");
        }
    }

    public static void main(String[] args) throws Exception {
        Aio.run(WaitForTimeout::asyncMain);
    }
}
