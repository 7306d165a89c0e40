package io.aio4j.bridge.lowlevel;

/**
 * A ready-queue item that must hear about it when the loop closes before running it: a submission
 * from another thread whose future would otherwise never complete. Plain callbacks are just dropped,
 * as asyncio's {@code loop.close()} drops its ready queue.
 */
public interface Droppable extends Runnable {
    /** Called once, on the closing thread, instead of {@link #run()}; must not schedule on the loop. */
    void dropped();
}
