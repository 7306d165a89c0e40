package io.aio4j.samples.basics;

import io.aio4j.Aio;

/**
 * Seed 000, "asyncio 基本概念": the first coroutine.
 *
 * <pre>{@code
 * async def hello():
 *     print("Hello")
 *     await asyncio.sleep(1)  # 异步等待
 *     print("World")
 *
 * asyncio.run(hello())
 * }</pre>
 */
public final class Hello {
    private Hello() {
    }

    static void hello() {
        System.out.println("Hello");
        Aio.sleep(1); // waits without blocking the loop
        System.out.println("World");
    }

    public static void main(String[] args) throws Exception {
        Aio.run(Hello::hello);
    }
}
