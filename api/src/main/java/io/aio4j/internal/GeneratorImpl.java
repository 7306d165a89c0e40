package io.aio4j.internal;

import io.aio4j.AsyncIterable;
import io.aio4j.CancelledError;
import io.aio4j.Task;
import io.aio4j.bridge.Suspend;
import io.aio4j.bridge.internal.Loop;
import io.aio4j.bridge.internal.Suspensions;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import kotlin.Unit;
import kotlin.coroutines.Continuation;
import kotlinx.coroutines.CancellableContinuation;
import kotlinx.coroutines.flow.Flow;

/**
 * A lazy producer task handing values one at a time to the consuming task: a rendezvous of two
 * one-shot suspensions (the consumer waits for a value or the end; the producer waits to be asked).
 */
public final class GeneratorImpl<T> implements AsyncIterable<T>, AsyncIterable.Output<T>, Iterator<T> {
    private final AsyncIterable.Producer<T> body;

    // guarded by this
    private boolean iterated;
    private TaskImpl<Void> producer;
    private T item;
    private boolean hasItem;
    private boolean finished;
    private boolean closed;
    private Throwable failure;
    private CancellableContinuation<Unit> consumerWaiter;
    private CancellableContinuation<Unit> producerWaiter;

    private GeneratorImpl(AsyncIterable.Producer<T> body) {
        this.body = body;
    }

    public static <T> AsyncIterable<T> of(AsyncIterable.Producer<T> body) {
        return new GeneratorImpl<>(Objects.requireNonNull(body, "body"));
    }

    /** A Kotlin Flow collected by the producer task: each emit is a yield. */
    public static <T> AsyncIterable<T> of(Flow<T> flow) {
        Objects.requireNonNull(flow, "flow");
        GeneratorImpl<T>[] self = new GeneratorImpl[1];
        self[0] = new GeneratorImpl<>(out -> Suspend.<Unit>call(k -> flow.collect(self[0]::emit, k)));
        return self[0];
    }

    // ---- consumer side ---------------------------------------------------------------------------

    @Override
    public synchronized Iterator<T> iterator() {
        if (iterated) {
            throw new IllegalStateException("an AsyncIterable is iterated once: this one already was");
        }
        iterated = true;
        return this;
    }

    @Override
    public boolean hasNext() {
        TaskImpl<?> me = TaskImpl.current("iterating an AsyncIterable");
        for (;;) {
            CancellableContinuation<Unit> ask = null;
            boolean start = false;
            synchronized (this) {
                if (hasItem) {
                    return true;
                }
                if (finished) {
                    Throwable f = failure;
                    failure = null;
                    if (f != null && !closed) {
                        throw Suspensions.sneakyThrow(f);
                    }
                    return false;
                }
                if (producer == null) {
                    start = true;
                } else {
                    ask = producerWaiter;
                    producerWaiter = null;
                }
            }
            if (start) {
                startProducer(me);
            } else if (ask != null) {
                Suspensions.resumeUnit(ask);
            }
            // asyncio: the generator runs in the consumer's task, so cancelling the consumer cancels it
            me.<Unit>await(k -> Suspensions.suspendCancellable(k, this::waitForValue), this::cancelProducer);
        }
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the AsyncIterable has no more values");
        }
        synchronized (this) {
            T v = item;
            item = null;
            hasItem = false;
            return v;
        }
    }

    private void waitForValue(CancellableContinuation<Unit> c) {
        boolean ready;
        synchronized (this) {
            ready = hasItem || finished;
            consumerWaiter = ready ? null : c;
        }
        if (ready) {
            Suspensions.resumeUnit(c);
        }
    }

    private void startProducer(TaskImpl<?> consumer) {
        EventLoopImpl loop = (EventLoopImpl) consumer.bridgeLoop().owner();
        TaskImpl<Void> p = TaskImpl.create(loop, null, this::produce);
        synchronized (this) {
            producer = p;
        }
        // without try-with-resources, an abandoned producer ends with the task that iterated it
        consumer.addDoneCallback(t -> abandon());
    }

    private boolean cancelProducer(String message) {
        Task<Void> p;
        synchronized (this) {
            p = producer;
        }
        return p != null && p.cancel(message);
    }

    private void abandon() {
        synchronized (this) {
            if (finished) {
                return;
            }
            closed = true;
        }
        cancelProducer("the task iterating this AsyncIterable finished");
    }

    @Override
    public void close() {
        TaskImpl<Void> p;
        synchronized (this) {
            if (closed || finished) {
                closed = true;
                return;
            }
            closed = true;
            p = producer;
        }
        if (p == null) {
            return; // never started
        }
        p.cancel("AsyncIterable closed");
        if (Loop.currentFiber() != null) {
            p.waitDone("AsyncIterable.close");
        }
    }

    // ---- producer side ---------------------------------------------------------------------------

    private Void produce() {
        Throwable f = null;
        try {
            body.run(this);
        } catch (Throwable e) {
            f = e;
        }
        CancellableContinuation<Unit> wake;
        synchronized (this) {
            finished = true;
            failure = f;
            wake = consumerWaiter;
            consumerWaiter = null;
        }
        if (wake != null) {
            Suspensions.resumeUnit(wake);
        }
        if (f instanceof CancelledError c) {
            throw c; // the producer task ends cancelled
        }
        return null;
    }

    @Override
    public void yield(T value) {
        Suspensions.<Unit>await(k -> emit(value, k));
    }

    /** A suspend function: hands {@code value} over and waits until the consumer asks for the next. */
    private Object emit(T value, Continuation<? super Unit> k) {
        return Suspensions.suspendCancellable(k, (CancellableContinuation<Unit> c) -> {
            CancellableContinuation<Unit> wake;
            synchronized (this) {
                item = value;
                hasItem = true;
                producerWaiter = c;
                wake = consumerWaiter;
                consumerWaiter = null;
            }
            if (wake != null) {
                Suspensions.resumeUnit(wake);
            }
        });
    }
}
