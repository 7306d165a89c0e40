package io.aio4j.samples.basics;

import io.aio4j.Aio;

/**
 * Seed 002, "async/await 语法": a coroutine with a result, awaited directly.
 *
 * <pre>{@code
 * async def greet(name):
 *     print(f"Hello, {name}!")
 *     await asyncio.sleep(1)
 *     print(f"Goodbye, {name}!")
 *     return f"Greeted {name}"
 *
 * async def main():
 *     result = await greet("Alice")
 *     print(result)
 *
 * asyncio.run(main())
 * }</pre>
 *
 * <p>Awaiting a coroutine directly is a plain method call in aio4j: {@code greet} runs in the caller's
 * task. (The seed's "old versions" variant, {@code loop.run_until_complete(main())}, is what
 * {@code Aio.run} does.)
 */
public final class Greet {
    private Greet() {
    }

    static String greet(String name) {
        System.out.println("Hello, " + name + "!");
        Aio.sleep(1);
        System.out.println("Goodbye, " + name + "!");
        return "Greeted " + name;
    }

    static void asyncMain() throws Exception {
        String result = greet("Alice");
        System.out.println(result);
    }

    public static void main(String[] args) throws Exception {
        Aio.run(Greet::asyncMain);
    }
}
