package io.aio4j.samples.generators;

import io.aio4j.Aio;
import io.aio4j.AsyncIterable;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 002, "异步生成器": an async generator, iterated with {@code async for} and collected with an
 * async comprehension.
 *
 * <pre>{@code
 * async def async_range(n):
 *     """异步生成器"""
 *     for i in range(n):
 *         await asyncio.sleep(0.5)
 *         yield i
 *
 * async def main():
 *     async for num in async_range(5):
 *         print(num)
 *     result = [num async for num in async_range(5)]
 *     print(result)
 * }</pre>
 */
public final class AsyncRange {
    private AsyncRange() {
    }

    static AsyncIterable<Integer> asyncRange(int n) {
        return Aio.generator(out -> {
            for (int i = 0; i < n; i++) {
                Aio.sleep(0.5);
                out.yield(i);
            }
        });
    }

    static void asyncMain() throws Exception {
        for (int num : asyncRange(5)) { // async for num in async_range(5)
            System.out.println(num);
        }
        List<Integer> result = new ArrayList<>(); // [num async for num in async_range(5)]
        for (int num : asyncRange(5)) {
            result.add(num);
        }
        System.out.println(result);
    }

    public static void main(String[] args) throws Exception {
        Aio.run(AsyncRange::asyncMain);
    }
}
