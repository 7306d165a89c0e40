package io.aio4j.bridge.internal;

import io.aio4j.bridge.lowlevel.Readiness;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.function.IntConsumer;

/**
 * A channel registered on its loop's selector: asyncio's {@code add_reader}/{@code add_writer}.
 *
 * <p>When the selector reports the channel ready for some of its interest ops, those ops are taken out
 * of the interest set (so a level-triggered selector does not report them again before the handler
 * ran) and the handler is queued as a loop callback with the ready ops. The handler re-arms what it
 * still wants with {@link #interest(int)}.
 */
public final class IoRegistration implements Runnable, Ready, Readiness {
    private final Loop loop;
    private final SelectionKey key;
    private volatile IntConsumer handler;
    // guarded by the loop (Loop.lock())
    private int interest;
    private int readyOps;
    private boolean queued;

    IoRegistration(Loop loop, SelectableChannel channel, IntConsumer handler) throws ClosedChannelException {
        this.loop = loop;
        this.handler = handler;
        this.key = channel.register(loop.selector(), 0, this);
    }

    /** Replaces the handler (e.g. once a connect finished and the channel becomes a stream). */
    @Override
    public void handler(IntConsumer handler) {
        this.handler = handler;
    }

    /**
     * Sets the ops to watch ({@code SelectionKey.OP_*}); 0 watches nothing. Thread-safe: from another
     * thread than an owned loop's own, the change is posted to the loop.
     */
    @Override
    public void interest(int ops) {
        if (loop.foreign()) {
            loop.post(() -> interest(ops));
            return;
        }
        loop.lock();
        try {
            if (interest == ops || !key.isValid()) {
                interest = ops;
                return;
            }
            interest = ops;
            key.interestOps(ops);
            loop.interestChangedLocked();
        } finally {
            loop.unlock();
        }
    }

    /** Adds {@code ops} to the watched ops. */
    @Override
    public void watch(int ops) {
        if (loop.foreign()) {
            loop.post(() -> watch(ops));
            return;
        }
        loop.lock();
        try {
            interest(interest | ops);
        } finally {
            loop.unlock();
        }
    }

    /** Removes {@code ops} from the watched ops. */
    @Override
    public void unwatch(int ops) {
        if (loop.foreign()) {
            loop.post(() -> unwatch(ops));
            return;
        }
        loop.lock();
        try {
            interest(interest & ~ops);
        } finally {
            loop.unlock();
        }
    }

    /** Unregisters the channel from the selector (the channel itself is not closed). */
    @Override
    public void cancel() {
        if (loop.foreign()) {
            loop.post(this::cancel);
            return;
        }
        loop.lock();
        try {
            interest = 0;
            key.cancel();
        } finally {
            loop.unlock();
        }
    }

    /** Guarded by the loop: the selector reported the key; disarm and queue the handler once. */
    void selectedLocked(java.util.ArrayDeque<Ready> ready) {
        if (!key.isValid()) {
            return;
        }
        int ops = key.readyOps() & interest;
        if (ops == 0) {
            return;
        }
        readyOps |= ops;
        interest &= ~ops;
        key.interestOps(interest);
        if (!queued) {
            queued = true;
            ready.addLast(this);
        }
    }

    @Override
    public void run() {
        int ops;
        loop.lock();
        try {
            queued = false;
            ops = readyOps;
            readyOps = 0;
        } finally {
            loop.unlock();
        }
        if (ops != 0) {
            handler.accept(ops);
        }
    }
}
