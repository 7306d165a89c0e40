package io.aio4j.samples.threads;

import io.aio4j.Aio;

/**
 * Seed 002, "阻塞 vs 非阻塞": a blocking call would hold up every task, so it runs in the loop's
 * default executor ({@code run_in_executor(None, ...)}).
 *
 * <pre>{@code
 * def blocking_call():
 *     time.sleep(2) # 阻塞整个事件循环
 *     return "Done"
 * async def non_blocking_call():
 *     await asyncio.sleep(2) # 只阻塞当前协程
 *     return "Done"
 * async def main():
 *     loop = asyncio.get_event_loop()
 *     result = await loop.run_in_executor(None, blocking_call)
 *     print(result)
 * }</pre>
 */
public final class BlockingVsNonBlocking {
    private BlockingVsNonBlocking() {
    }

    // ❌ 同步阻塞(阻塞事件循环): called directly in a task, it would stop every other task
    static String blockingCall() throws InterruptedException {
        Thread.sleep(2000);
        return "Done";
    }

    // ✅ 异步非阻塞: only this task waits
    static String nonBlockingCall() {
        Aio.sleep(2);
        return "Done";
    }

    static void asyncMain() throws InterruptedException {
        // 方法 1:在线程池中运行
        String result = Aio.runInExecutor(null, BlockingVsNonBlocking::blockingCall);
        System.out.println(result);
    }

    public static void main(String[] args) throws Exception {
        Aio.run(BlockingVsNonBlocking::asyncMain);
    }
}
