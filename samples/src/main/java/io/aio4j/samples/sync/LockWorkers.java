package io.aio4j.samples.sync;

import io.aio4j.Aio;
import io.aio4j.sync.Lock;

/**
 * Seed 002, "Lock": three workers take the lock in turn; each holds it for a second.
 *
 * <pre>{@code
 * lock = asyncio.Lock()
 * async def worker(name):
 *     async with lock:
 *         print(f"{name} acquired lock")
 *         await asyncio.sleep(1)
 *         print(f"{name} released lock")
 * async def main():
 *     await asyncio.gather(worker("A"), worker("B"), worker("C"))
 * }</pre>
 */
public final class LockWorkers {
    private LockWorkers() {
    }

    static final Lock LOCK = new Lock();

    static void worker(String name) {
        try (var held = LOCK.acquire()) { // async with lock
            System.out.println(name + " acquired lock");
            Aio.sleep(1);
            System.out.println(name + " released lock");
        }
    }

    static void asyncMain() throws Exception {
        Aio.gather(
                Aio.createTask(() -> worker("A")),
                Aio.createTask(() -> worker("B")),
                Aio.createTask(() -> worker("C")));
    }

    public static void main(String[] args) throws Exception {
        Aio.run(LockWorkers::asyncMain);
    }
}
