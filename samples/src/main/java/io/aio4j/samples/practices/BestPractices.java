package io.aio4j.samples.practices;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.TimeoutError;
import io.aio4j.samples.Py;
import java.util.List;

/**
 * Seed 002, "最佳实践", "调试异步代码" and "常见陷阱", as one program: gather, an early
 * {@code create_task}, a timeout, and a task's status.
 *
 * <pre>{@code
 * # ✅ 使用 asyncio.gather 并发执行
 * results = await asyncio.gather(fetch_url(url1), fetch_url(url2), fetch_url(url3))
 * # ✅ 使用 create_task 提前调度
 * task = asyncio.create_task(slow_operation())
 * # 做其他事情
 * result = await task
 * # ✅ 使用超时控制
 * try:
 *     result = await asyncio.wait_for(operation(), timeout=5.0)
 * except asyncio.TimeoutError:
 *     print("Operation timed out")
 * # 查看任务状态
 * task = asyncio.create_task(some_coro())
 * print(task.done())       # 是否完成
 * print(task.cancelled())  # 是否被取消
 * print(task.exception())  # 异常信息
 * }</pre>
 *
 * <p>The pitfalls translate too. "❌ 不要在异步函数中使用阻塞操作": {@code Thread.sleep} in a task holds up
 * every task, as {@code time.sleep} does; {@code Aio.sleep} is the non-blocking one (the
 * {@code debug-mode} sample shows debug mode catching it). "❌ 忘记 await": in Java, calling the
 * function runs it — there is no coroutine object to forget — but a {@link Task} nobody awaits is the
 * same mistake, and debug mode logs it with the line that created it.
 */
public final class BestPractices {
    private BestPractices() {
    }

    static String fetchUrl(String url) {
        Aio.sleep(0.5);
        return "<" + url + ">";
    }

    static String slowOperation() {
        Aio.sleep(1);
        return "slow result";
    }

    static void operation() {
        Aio.sleep(10);
    }

    static String fetchData() {
        Aio.sleep(0.1);
        return "data";
    }

    static void someCoro() {
        Aio.sleep(0.1);
    }

    static void asyncMain() throws Exception {
        // ✅ 使用 asyncio.gather 并发执行
        List<String> results = Aio.gather(
                Aio.createTask(() -> fetchUrl("url1")),
                Aio.createTask(() -> fetchUrl("url2")),
                Aio.createTask(() -> fetchUrl("url3")));
        System.out.println(Py.repr(results));
        // ✅ 使用 create_task 提前调度
        Task<String> task = Aio.createTask(BestPractices::slowOperation);
        System.out.println("doing other things"); // 做其他事情
        System.out.println(task.await());
        // ✅ 使用超时控制
        try {
            Aio.waitFor(5.0, BestPractices::operation);
        } catch (TimeoutError e) {
            System.out.println("Operation timed out");
        }
        // ✅ 正确使用 await: a plain call in Java
        System.out.println(fetchData());
        // 查看任务状态
        Task<Void> status = Aio.createTask(BestPractices::someCoro);
        System.out.println(status.done() ? "True" : "False"); // 是否完成
        status.await();
        System.out.println(status.cancelled() ? "True" : "False"); // 是否被取消
        System.out.println(status.exception() == null ? "None" : status.exception()); // 异常信息
    }

    public static void main(String[] args) throws Exception {
        Aio.run(BestPractices::asyncMain);
    }
}
