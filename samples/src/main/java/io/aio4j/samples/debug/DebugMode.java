package io.aio4j.samples.debug;

import io.aio4j.Aio;
import io.aio4j.Config;
import io.aio4j.EventLoop;
import java.time.Duration;

/**
 * Seeds 001 and 002, "调试技巧": {@code asyncio.run(coro(), debug=True)} and
 * {@code loop.slow_callback_duration = 0.1}. A task that blocks the loop for 0.2 s is logged, on the
 * {@code io.aio4j} System.Logger (stderr by default), with the stack where it was blocking:
 * {@code Executing <Task finished name='Task-2' result=done> took 0.200 seconds}.
 *
 * <pre>{@code
 * asyncio.run(coro(), debug=True)
 * loop.slow_callback_duration = 0.1  # 秒
 * }</pre>
 */
public final class DebugMode {
    private DebugMode() {
    }

    static String blockingStep() throws InterruptedException {
        Thread.sleep(200); // ❌ blocks the loop: debug mode names it
        return "done";
    }

    static void asyncMain() throws Exception {
        EventLoop loop = Aio.getRunningLoop();
        loop.setSlowCallbackDuration(Duration.ofMillis(100)); // 秒: 0.1
        System.out.println("debug: " + (loop.debug() ? "True" : "False"));
        System.out.println(Aio.createTask(DebugMode::blockingStep).await());
    }

    public static void main(String[] args) throws Exception {
        Aio.run(Config.defaults().debug(true), DebugMode::asyncMain);
    }
}
