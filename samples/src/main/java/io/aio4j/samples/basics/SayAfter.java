package io.aio4j.samples.basics;

import io.aio4j.Aio;

/**
 * Seed 003, "asyncio.run() 是最简单的入口" and "并发执行": the same two calls, first one after the
 * other (three seconds), then concurrently with gather (two seconds).
 *
 * <pre>{@code
 * async def say_after(delay, text):
 *     await asyncio.sleep(delay)
 *     print(text)
 *
 * async def main():
 *     await say_after(1, 'Hello')
 *     await say_after(2, 'World')
 * asyncio.run(main())  # 输出:先 Hello,1秒后 World(串行)
 *
 * async def main():
 *     await asyncio.gather(say_after(1, 'Hello'), say_after(2, 'World'))
 * }</pre>
 */
public final class SayAfter {
    private SayAfter() {
    }

    static Void sayAfter(double delay, String text) {
        Aio.sleep(delay);
        System.out.println(text);
        return null;
    }

    static void serial() {
        sayAfter(1, "Hello");
        sayAfter(2, "World");
    }

    static void concurrent() {
        Aio.gather(
                Aio.createTask(() -> sayAfter(1, "Hello")),
                Aio.createTask(() -> sayAfter(2, "World")));
    }

    public static void main(String[] args) throws Exception {
        Aio.run(SayAfter::serial);
        Aio.run(SayAfter::concurrent);
    }
}
