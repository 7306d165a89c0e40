package io.aio4j.samples.sync;

import io.aio4j.Aio;
import io.aio4j.sync.Event;

/**
 * Seed 002, "Event": two waiters block until the setter sets the event two seconds later.
 *
 * <pre>{@code
 * event = asyncio.Event()
 * async def waiter(name):
 *     print(f"{name} waiting")
 *     await event.wait()
 *     print(f"{name} got event")
 * async def setter():
 *     await asyncio.sleep(2)
 *     print("Setting event")
 *     event.set()
 * async def main():
 *     await asyncio.gather(waiter("A"), waiter("B"), setter())
 * }</pre>
 */
public final class EventWaiters {
    private EventWaiters() {
    }

    static final Event EVENT = new Event();

    static void waiter(String name) {
        System.out.println(name + " waiting");
        EVENT.await();
        System.out.println(name + " got event");
    }

    static void setter() {
        Aio.sleep(2);
        System.out.println("Setting event");
        EVENT.set();
    }

    static void asyncMain() throws Exception {
        EVENT.clear(); // the tour may run the program twice in one JVM
        Aio.gather(
                Aio.createTask(() -> waiter("A")),
                Aio.createTask(() -> waiter("B")),
                Aio.createTask(EventWaiters::setter));
    }

    public static void main(String[] args) throws Exception {
        Aio.run(EventWaiters::asyncMain);
    }
}
