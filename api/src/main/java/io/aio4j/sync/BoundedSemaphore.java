package io.aio4j.sync;

/**
 * A {@link Semaphore} that refuses to be released above its initial value: a release without a
 * matching acquire is a bug it reports.
 *
 * @apiNote asyncio: {@code asyncio.BoundedSemaphore}
 */
public final class BoundedSemaphore extends Semaphore {
    private final int bound;

    /** A bounded semaphore with one permit. */
    public BoundedSemaphore() {
        this(1);
    }

    /**
     * @param value the initial and maximum number of permits
     * @throws IllegalArgumentException if {@code value < 0}
     * @apiNote asyncio: {@code asyncio.BoundedSemaphore(value)}
     */
    public BoundedSemaphore(int value) {
        super(value);
        this.bound = value;
    }

    /**
     * Gives back a permit.
     *
     * @apiNote asyncio: {@code sem.release()}
     * @throws IllegalStateException if every permit is already free ("BoundedSemaphore released too
     *     many times")
     */
    @Override
    public void release() {
        synchronized (this) {
            if (value() >= bound) {
                throw new IllegalStateException("BoundedSemaphore released too many times: all " + bound
                        + " permit(s) are already free; release only what acquire() took");
            }
            super.release();
        }
    }
}
