package io.aio4j.bridge.lowlevel;

import java.util.function.IntConsumer;

/**
 * A channel registered on its loop's selector: asyncio's {@code add_reader}/{@code add_writer}. When
 * the channel is ready for some of the watched ops, those ops stop being watched and the handler runs
 * as a loop callback with them; it watches again what it still wants.
 */
public interface Readiness {
    /** Replaces the handler (e.g. once a connect finished and the channel becomes a stream). */
    void handler(IntConsumer handler);

    /** Sets the ops to watch ({@code SelectionKey.OP_*}); 0 watches nothing. Thread-safe. */
    void interest(int ops);

    /** Adds {@code ops} to the watched ops. */
    void watch(int ops);

    /** Removes {@code ops} from the watched ops. */
    void unwatch(int ops);

    /** Unregisters the channel from the selector (the channel itself is not closed). */
    void cancel();
}
