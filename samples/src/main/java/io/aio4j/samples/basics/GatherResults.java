package io.aio4j.samples.basics;

import io.aio4j.Aio;
import io.aio4j.samples.Py;
import java.util.List;

/**
 * Seed 002, "并发执行 / gather": results come back in the order the tasks were given, whatever
 * order they finish in.
 *
 * <pre>{@code
 * async def task(name, delay):
 *     print(f"{name} started")
 *     await asyncio.sleep(delay)
 *     print(f"{name} finished")
 *     return f"{name} result"
 *
 * async def main():
 *     results = await asyncio.gather(task("A", 2), task("B", 1), task("C", 3))
 *     print(results)
 * }</pre>
 */
public final class GatherResults {
    private GatherResults() {
    }

    static String task(String name, double delay) {
        System.out.println(name + " started");
        Aio.sleep(delay);
        System.out.println(name + " finished");
        return name + " result";
    }

    static void asyncMain() throws Exception {
        List<String> results = Aio.gather(
                Aio.createTask(() -> task("A", 2)),
                Aio.createTask(() -> task("B", 1)),
                Aio.createTask(() -> task("C", 3)));
        System.out.println(Py.repr(results));
    }

    public static void main(String[] args) throws Exception {
        Aio.run(GatherResults::asyncMain);
    }
}
