package io.aio4j.internal;

import io.aio4j.Handle;
import io.aio4j.TimerHandle;

/** {@link Handle} over the engine's handle of the callback. */
public sealed class HandleImpl implements Handle permits HandleImpl.Timed {
    final io.aio4j.bridge.lowlevel.Handle callback;

    HandleImpl(io.aio4j.bridge.lowlevel.Handle callback) {
        this.callback = callback;
    }

    @Override
    public void cancel() {
        callback.cancel();
    }

    @Override
    public boolean cancelled() {
        return callback.cancelled();
    }

    @Override
    public String toString() {
        return "<Handle" + (cancelled() ? " cancelled" : "") + ">";
    }

    /** {@link TimerHandle} over the loop's timer. */
    public static final class Timed extends HandleImpl implements TimerHandle {
        Timed(io.aio4j.bridge.lowlevel.TimerHandle timer) {
            super(timer);
        }

        @Override
        public double when() {
            return ((io.aio4j.bridge.lowlevel.TimerHandle) callback).whenNanos() / 1e9;
        }

        @Override
        public String toString() {
            return "<TimerHandle when=" + when() + (cancelled() ? " cancelled" : "") + ">";
        }
    }
}
