package io.aio4j.net.internal;

import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;

/**
 * How a transport holds its writer: strongly until {@link #release}, then weakly, as asyncio's
 * transport does — once the writer is unreachable (a server's handler returned without closing it and
 * gave it to nobody) {@code onUnreachable} runs, as CPython's {@code StreamWriter.__del__} closes the
 * connection.
 */
final class WriterHold {
    private static final Cleaner CLEANER = Cleaner.create();

    private StreamWriterImpl strong;
    private final WeakReference<StreamWriterImpl> weak;

    WriterHold(StreamWriterImpl writer) {
        this.strong = writer;
        this.weak = new WeakReference<>(writer);
    }

    /** The writer; after {@link #release}, null once nobody holds it any more. */
    StreamWriterImpl get() {
        StreamWriterImpl w = strong;
        return w != null ? w : weak.get();
    }

    /**
     * From now on the writer is held weakly; {@code onUnreachable} runs (on the Cleaner's thread) once
     * it is collected. Call once whoever uses the writer holds it; later calls do nothing.
     */
    synchronized void release(Runnable onUnreachable) {
        StreamWriterImpl w = strong;
        if (w == null) {
            return;
        }
        strong = null;
        CLEANER.register(w, onUnreachable);
    }
}
