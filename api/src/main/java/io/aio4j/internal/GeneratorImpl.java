package io.aio4j.internal;

import io.aio4j.bridge.lowlevel.Unchecked;
import io.aio4j.AsyncIterable;
import io.aio4j.CancelledError;
import io.aio4j.Task;
import io.aio4j.bridge.Suspend;
import io.aio4j.bridge.lowlevel.TaskCore;
import io.aio4j.bridge.Suspend;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import kotlin.Unit;
import kotlin.coroutines.Continuation;
import io.aio4j.bridge.lowlevel.Waiter;
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
    private Waiter consumerWaiter;
    /** Resumes the producer parked in yield: its waiter, or a Kotlin Flow's emit continuation. */
    private Runnable producerWaiter;

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
            Runnable ask = null;
            boolean start = false;
            Waiter w;
            synchronized (this) {
                if (hasItem) {
                    return true;
                }
                if (finished) {
                    Throwable f = failure;
                    failure = null;
                    if (f != null && !closed) {
                        throw Unchecked.rethrow(f);
                    }
                    return false;
                }
                if (producer == null) {
                    start = true;
                } else {
                    ask = producerWaiter;
                    producerWaiter = null;
                }
                w = consumerWaiter = new Waiter(); // only once it must wait: a value ready allocates nothing
            }
            if (start) {
                startProducer(me);
            } else if (ask != null) {
                ask.run();
            }
            // asyncio: the generator runs in the consumer's task, so cancelling the consumer cancels it
            try {
                w.await("AsyncIterable.next", this::cancelProducer);
            } finally {
                synchronized (this) {
                    if (consumerWaiter == w) {
                        consumerWaiter = null;
                    }
                }
            }
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

    private void startProducer(TaskImpl<?> consumer) {
        EventLoopImpl loop = consumer.eventLoop();
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
        if (TaskCore.current() != null) {
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
        Waiter wake;
        synchronized (this) {
            finished = true;
            failure = f;
            wake = takeConsumerLocked();
        }
        wakeConsumer(wake);
        if (f instanceof CancelledError c) {
            throw c; // the producer task ends cancelled
        }
        return null;
    }

    @Override
    public void yield(T value) {
        Waiter w = new Waiter();
        handOver(value, w);
        w.await("AsyncIterable.Output.yield");
    }

    /** Kotlin's {@code FlowCollector.emit}: the Flow's continuation waits as {@link #yield} does. */
    private Object emit(T value, Continuation<? super Unit> k) {
        return Suspend.suspendCancellable(k, c -> handOver(value, () -> c.resumeWith(Unit.INSTANCE)));
    }

    /** Hands {@code value} to the consumer; {@code resume} continues the producer when asked for more. */
    private void handOver(T value, Runnable resume) {
        Waiter wake;
        synchronized (this) {
            item = value;
            hasItem = true;
            producerWaiter = resume;
            wake = takeConsumerLocked();
        }
        wakeConsumer(wake);
    }

    /** The consumer waiting for a value or the end, taken off (it is woken once). */
    private Waiter takeConsumerLocked() {
        Waiter w = consumerWaiter;
        consumerWaiter = null;
        return w;
    }

    private static void wakeConsumer(Waiter w) {
        if (w != null) {
            w.wake();
        }
    }
}
