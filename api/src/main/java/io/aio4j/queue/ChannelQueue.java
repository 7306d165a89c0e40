package io.aio4j.queue;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.bridge.Suspend;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.EmptyCoroutineContext;
import kotlinx.coroutines.BuildersKt;
import kotlinx.coroutines.CoroutineScope;
import kotlinx.coroutines.CoroutineScopeKt;
import kotlinx.coroutines.CoroutineStart;
import kotlinx.coroutines.Deferred;
import kotlinx.coroutines.channels.Channel;
import kotlinx.coroutines.channels.ClosedReceiveChannelException;
import kotlinx.coroutines.channels.ClosedSendChannelException;

/**
 * A kotlinx {@link Channel} (one a Kotlin library handed over) seen as an aio4j queue:
 * {@code put}/{@code get}, their {@code Nowait} forms, iteration until the channel closes, and a
 * closed channel as {@link QueueShutDown}. The channel stays the Kotlin side's: closing it there ends
 * the iteration here.
 *
 * {@snippet :
 * ChannelQueue<Event> events = ChannelQueue.of(kotlinLibrary.events()); // a Channel<Event>
 * for (Event e : events) {        // until the channel is closed
 *     handle(e);
 * }
 * }
 *
 * <p><b>Cancellation:</b> a cancelled {@code get} takes no element: kotlinx's own {@code receive}
 * may lose the element it was resumed with when its caller is cancelled, so this view receives in a
 * coroutine of its own, and an element that arrives after the {@code get} was cancelled is what the
 * next {@code get} returns. A cancelled {@code put} may still have delivered its element (kotlinx's
 * rule for {@code send}).
 *
 * @apiNote asyncio: the {@code asyncio.Queue} vocabulary over kotlinx's {@code Channel}
 */
public final class ChannelQueue<T> implements Iterable<T> {
    private final Channel<T> channel;
    /** A receive left running by a cancelled get: its element belongs to the next get (loop-confined). */
    private Deferred<T> inFlight;

    private ChannelQueue(Channel<T> channel) {
        this.channel = channel;
    }

    /** The queue view of {@code channel}. */
    public static <T> ChannelQueue<T> of(Channel<T> channel) {
        return new ChannelQueue<>(Objects.requireNonNull(channel, "channel"));
    }

    /** The channel itself. */
    public Channel<T> channel() {
        return channel;
    }

    /**
     * Sends {@code item}, waiting while the channel is full.
     *
     * @apiNote asyncio: {@code await queue.put(item)}
     * @throws QueueShutDown if the channel is closed for sending
     */
    public void put(T item) {
        Objects.requireNonNull(item, "item");
        try {
            Suspend.call(k -> channel.send(item, k));
        } catch (RuntimeException e) {
            throw closedOr(e);
        }
    }

    /**
     * Sends {@code item} if there is room at once.
     *
     * @apiNote asyncio: {@code queue.put_nowait(item)}
     * @throws QueueFull if the channel has no room
     * @throws QueueShutDown if it is closed
     */
    @SuppressWarnings("deprecation") // offer(): kotlinx's trySend under a name Java can call
    public void putNowait(T item) {
        Objects.requireNonNull(item, "item");
        boolean sent;
        try {
            sent = channel.offer(item);
        } catch (RuntimeException e) {
            throw closedOr(e);
        }
        if (!sent) {
            throw new QueueFull("the channel has no room for " + item);
        }
    }

    /**
     * Waits for the next element.
     *
     * @apiNote asyncio: {@code await queue.get()}
     * @throws QueueShutDown once the channel is closed and empty
     */
    public T get() {
        if (inFlight == null) {
            T now = pollOrNull();
            if (now != null) {
                return now;
            }
            CoroutineScope scope = CoroutineScopeKt.CoroutineScope(Aio.getRunningLoop().asDispatcher());
            inFlight = BuildersKt.async(scope, EmptyCoroutineContext.INSTANCE, CoroutineStart.UNDISPATCHED,
                    (s, k) -> channel.receive(cast(k)));
        }
        Deferred<T> d = inFlight;
        try {
            T v = Suspend.call(d::await);
            inFlight = null;
            return v;
        } catch (CancelledError e) {
            if (d.isCompleted() && d.isCancelled()) {
                inFlight = null; // the receive itself was cancelled (the channel was cancelled): nothing is held
            }
            throw e; // this task's cancel: the receive goes on, and its element waits for the next get
        } catch (RuntimeException e) {
            inFlight = null;
            throw closedOr(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> Continuation<? super R> cast(Continuation<?> k) {
        return (Continuation<? super R>) k;
    }

    /**
     * The next element if one is there at once.
     *
     * @apiNote asyncio: {@code queue.get_nowait()}
     * @throws QueueEmpty if none is
     * @throws QueueShutDown if the channel is closed and empty
     */
    public T getNowait() {
        if (inFlight != null) {
            if (!inFlight.isCompleted()) {
                throw new QueueEmpty("the channel is empty");
            }
            return get(); // completed: no wait
        }
        T v = pollOrNull();
        if (v == null) {
            if (channel.isClosedForReceive()) {
                throw new QueueShutDown("the channel is closed");
            }
            throw new QueueEmpty("the channel is empty");
        }
        return v;
    }

    @SuppressWarnings("deprecation") // poll(): kotlinx's tryReceive under a name Java can call
    private T pollOrNull() {
        try {
            return channel.poll();
        } catch (RuntimeException e) {
            throw closedOr(e);
        }
    }

    /**
     * Whether no element is there now.
     *
     * @apiNote asyncio: {@code queue.empty()}
     */
    public boolean empty() {
        return inFlight == null ? channel.isEmpty() : !inFlight.isCompleted();
    }

    /**
     * Closes the channel for sending; what it holds can still be got.
     *
     * @apiNote asyncio: {@code queue.shutdown()}
     */
    public void shutdown() {
        channel.close(null);
    }

    private static RuntimeException closedOr(RuntimeException e) {
        if (e instanceof ClosedReceiveChannelException || e instanceof ClosedSendChannelException) {
            QueueShutDown s = new QueueShutDown("the channel is closed");
            s.initCause(e);
            return s;
        }
        return e;
    }

    /** The elements until the channel is closed (each {@code next()} may wait). */
    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private T next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    try {
                        next = get();
                    } catch (QueueShutDown end) {
                        done = true;
                    }
                }
                return !done;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the channel is closed");
                }
                T v = next;
                next = null;
                return v;
            }
        };
    }

    @Override
    public String toString() {
        return "<ChannelQueue " + channel + (inFlight != null ? " receiving" : "") + ">";
    }
}
