package io.aio4j.bridge.internal;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;

/**
 * The loop's I/O readiness: its own {@link Selector} (Netty 4.2's {@code IoHandler} cut out of the
 * event loop). {@link IoRegistration}s are its keys; a selected key queues its handler on the ready
 * queue once per readiness. Not thread-safe but for {@link #wakeup()}: the loop's lock guards it.
 */
final class Poller {
    private final Selector selector;

    Poller() {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the event loop's selector", e);
        }
    }

    Selector selector() {
        return selector;
    }

    /** Polls without blocking (only if a channel is registered at all). */
    void selectNow() throws IOException {
        if (!selector.keys().isEmpty()) {
            selector.selectNow();
        }
    }

    /** Queues the handler of every selected key on {@code ready} and clears the selection. */
    void collectSelected(ArrayDeque<Ready> ready) {
        var selected = selector.selectedKeys();
        if (selected.isEmpty()) {
            return;
        }
        for (SelectionKey key : selected) {
            if (key.attachment() instanceof IoRegistration reg) {
                reg.selectedLocked(ready);
            }
        }
        selected.clear();
    }

    /** Makes a select in progress (or the next one) return at once; thread-safe. */
    void wakeup() {
        selector.wakeup();
    }

    void close() throws IOException {
        selector.close();
    }
}
