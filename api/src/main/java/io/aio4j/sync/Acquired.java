package io.aio4j.sync;

/**
 * A held {@link Lock}, {@link Condition} lock or {@link Semaphore} permit: closing it releases it
 * once, so that try-with-resources is {@code async with}.
 *
 * {@snippet :
 * try (Acquired held = lock.acquire()) {   // async with lock:
 *     ...
 * }
 * }
 *
 * @apiNote asyncio: what {@code async with lock:} holds until the block ends
 */
public final class Acquired implements AutoCloseable {
    /** What an {@link Acquired} releases: a lock or a semaphore. */
    interface Releasable {
        void release();
    }

    private final Releasable owner;
    private boolean released;

    Acquired(Releasable owner) {
        this.owner = owner;
    }

    /**
     * Releases what was acquired (once; closing again does nothing).
     *
     * @apiNote asyncio: leaving the {@code async with} block
     */
    @Override
    public void close() {
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
        }
        owner.release();
    }

    /** Runs {@code body} holding {@code held}, released when the body ends however it ends (withLock, withPermit). */
    static <T, X extends Exception> T around(Acquired held, io.aio4j.CheckedCallable<T, X> body) throws X {
        try {
            return body.call();
        } finally {
            held.close();
        }
    }
}
