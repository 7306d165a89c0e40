package io.aio4j.internal;

import io.aio4j.Handle;
import io.aio4j.TimerHandle;
import io.aio4j.bridge.internal.Callback;
import io.aio4j.bridge.internal.Timer;

/** {@link Handle} over the loop's callback. */
public sealed class HandleImpl implements Handle permits HandleImpl.Timed {
    final Callback callback;

    HandleImpl(Callback callback) {
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
        Timed(Timer timer) {
            super(timer);
        }

        @Override
        public double when() {
            return ((Timer) callback).whenNanos() / 1e9;
        }

        @Override
        public String toString() {
            return "<TimerHandle when=" + when() + (cancelled() ? " cancelled" : "") + ">";
        }
    }
}
