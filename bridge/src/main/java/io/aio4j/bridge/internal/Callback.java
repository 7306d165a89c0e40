package io.aio4j.bridge.internal;

import io.aio4j.bridge.lowlevel.Handle;
import kotlinx.coroutines.DisposableHandle;

/**
 * A callback queued on a loop: asyncio's {@code Handle}. Cancelling it before it runs means it
 * never runs.
 */
public non-sealed class Callback implements Runnable, DisposableHandle, Ready, Handle {
    final Runnable action;
    private volatile boolean cancelled;

    Callback(Runnable action) {
        this.action = action;
    }

    /** Prevents the callback from running; has no effect once it ran. */
    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public void dispose() {
        cancel();
    }

    @Override
    public void run() {
        if (!cancelled) {
            action.run();
        }
    }

    @Override
    public String toString() {
        return "<Handle " + action + (cancelled ? " cancelled>" : ">");
    }
}
