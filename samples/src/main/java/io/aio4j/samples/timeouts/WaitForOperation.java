package io.aio4j.samples.timeouts;

import io.aio4j.Aio;
import io.aio4j.TimeoutError;

/**
 * Seed 002, "wait_for": wait at most two seconds for a five-second operation.
 *
 * <pre>{@code
 * async def slow_operation():
 *     await asyncio.sleep(5)
 *     return "Done"
 *
 * async def main():
 *     try:
 *         # 等待最多 2 秒
 *         result = await asyncio.wait_for(slow_operation(), timeout=2.0)
 *         print(result)
 *     except asyncio.TimeoutError:
 *         print("Operation timed out")
 * }</pre>
 */
public final class WaitForOperation {
    private WaitForOperation() {
    }

    static String slowOperation() {
        Aio.sleep(5);
        return "Done";
    }

    static void asyncMain() throws Exception {
        try {
            String result = Aio.waitFor(2.0, WaitForOperation::slowOperation); // 等待最多 2 秒
            System.out.println(result);
        } catch (TimeoutError e) {
            System.out.println("Operation timed out");
        }
    }

    public static void main(String[] args) throws Exception {
        Aio.run(WaitForOperation::asyncMain);
    }
}
