package io.aio4j.queue;

import io.aio4j.CancelledError;
import io.aio4j.bridge.lowlevel.ParkingLot;
import io.aio4j.bridge.lowlevel.Waiter;
import io.aio4j.sync.Event;
import java.util.Objects;

/**
 * A FIFO queue for tasks: asyncio's {@code Queue}. With a {@code maxsize}, {@link #put} waits while
 * the queue is full; {@link #get} waits while it is empty.
 *
 * {@snippet :
 * Queue<String> queue = new Queue<>(3);
 * Aio.createTask(() -> { for (int i = 0; i < 5; i++) queue.put("item-" + i); });
 * String first = queue.get();
 * }
 *
 * <p><b>Fairness and safety:</b> waiting getters and putters are served in FIFO order. A cancelled
 * {@code get} never loses an item (items stay in the queue until a {@code get} returns them) and a
 * cancelled {@code put} never inserts one; a waiter woken and then cancelled passes the wakeup on.
 *
 * <p>Items may not be null. {@link #taskDone()} and {@link #join()} track unfinished work;
 * {@link #shutdown(boolean)} closes the queue (asyncio 3.13).
 *
 * @param <T> the item type
 * @apiNote asyncio: {@code asyncio.Queue}
 */
public sealed class Queue<T> permits PriorityQueue, LifoQueue {
    private final int maxsize;
    private final Storage<T> items;
    private final ParkingLot getters = new ParkingLot();
    private final ParkingLot putters = new ParkingLot();
    private final Event finished = new Event();
    private int unfinished;
    private boolean shutdown;

    /** An unbounded queue. */
    public Queue() {
        this(0);
    }

    /**
     * @param maxsize the most items the queue holds; zero or less means unbounded
     * @apiNote asyncio: {@code asyncio.Queue(maxsize)}
     */
    public Queue(int maxsize) {
        this(maxsize, Storage.fifo());
    }

    Queue(int maxsize, Storage<T> items) {
        this.maxsize = maxsize;
        this.items = items;
        finished.set();
    }

    /**
     * Puts {@code item} in the queue, waiting while it is full.
     *
     * <p><b>Cancellation:</b> a cancelled {@code put} inserts nothing; if a free slot was already
     * signalled to it, the next putter gets it.
     *
     * @apiNote asyncio: {@code await queue.put(item)}
     * @throws QueueShutDown if the queue is shut down (also while waiting)
     */
    public void put(T item) {
        Objects.requireNonNull(item, "Queue items must not be null");
        for (;;) {
            Waiter w;
            synchronized (this) {
                if (!fullLocked()) {
                    putNowaitLocked(item);
                    return;
                }
                if (shutdown) {
                    throw shutDownError("put");
                }
                w = putters.join();
            }
            try {
                w.await("Queue.put");
            } catch (CancelledError e) {
                synchronized (this) {
                    putters.leave(w);
                    if (!fullLocked() && w.woken()) {
                        putters.wakeOne(); // woken by a get, but not taking the slot
                    }
                }
                throw e;
            }
        }
    }

    /**
     * Puts {@code item} in the queue if there is room.
     *
     * @apiNote asyncio: {@code queue.put_nowait(item)}
     * @throws QueueFull if the queue is full
     * @throws QueueShutDown if the queue is shut down
     */
    public synchronized void putNowait(T item) {
        Objects.requireNonNull(item, "Queue items must not be null");
        putNowaitLocked(item);
    }

    private void putNowaitLocked(T item) {
        if (shutdown) {
            throw shutDownError("put");
        }
        if (fullLocked()) {
            throw new QueueFull("Queue.putNowait: the queue is full (maxsize " + maxsize + "); use put() to wait for room");
        }
        items.put(item);
        unfinished++;
        finished.clear();
        getters.wakeOne();
    }

    /**
     * Removes and returns the next item, waiting while the queue is empty.
     *
     * <p><b>Cancellation:</b> a cancelled {@code get} takes nothing, so no item is lost; if an item was
     * already signalled to it, the next getter is woken instead.
     *
     * @apiNote asyncio: {@code await queue.get()}
     * @throws QueueShutDown if the queue is shut down and empty (also while waiting)
     */
    public T get() {
        for (;;) {
            Waiter w;
            synchronized (this) {
                if (items.size() > 0) {
                    return getNowaitLocked();
                }
                if (shutdown) {
                    throw shutDownError("get");
                }
                w = getters.join();
            }
            try {
                w.await("Queue.get");
            } catch (CancelledError e) {
                synchronized (this) {
                    getters.leave(w);
                    if (items.size() > 0 && w.woken()) {
                        getters.wakeOne(); // woken by a put, but not taking the item
                    }
                }
                throw e;
            }
        }
    }

    /**
     * Removes and returns the next item if there is one.
     *
     * @apiNote asyncio: {@code queue.get_nowait()}
     * @throws QueueEmpty if the queue is empty
     * @throws QueueShutDown if the queue is shut down and empty
     */
    public synchronized T getNowait() {
        if (items.size() == 0) {
            if (shutdown) {
                throw shutDownError("get");
            }
            throw new QueueEmpty("Queue.getNowait: the queue is empty; use get() to wait for an item");
        }
        return getNowaitLocked();
    }

    private T getNowaitLocked() {
        T item = items.get();
        putters.wakeOne();
        return item;
    }

    /**
     * Marks one item taken with {@code get} as processed; when every item put has been, {@link #join()}
     * returns.
     *
     * @apiNote asyncio: {@code queue.task_done()}
     * @throws IllegalStateException if called more times than items were put ("task_done() called too
     *     many times")
     */
    public synchronized void taskDone() {
        if (unfinished <= 0) {
            throw new IllegalStateException("task_done() called too many times: every item put has already been "
                    + "marked done; call taskDone() once per item taken with get()");
        }
        if (--unfinished == 0) {
            finished.set();
        }
    }

    /**
     * Waits until every item put has been marked done with {@link #taskDone()}.
     *
     * <p><b>Cancellation:</b> the wait ends with {@code CancelledError}; the queue is unchanged.
     *
     * @apiNote asyncio: {@code await queue.join()}
     */
    public void join() {
        boolean wait;
        synchronized (this) {
            wait = unfinished > 0;
        }
        if (wait) {
            finished.await();
        }
    }

    /**
     * Shuts the queue down: {@code put} fails from now on with {@link QueueShutDown}, and {@code get}
     * does once the queue is empty; waiting getters and putters are woken to find out. With
     * {@code immediate}, the items left are dropped (and counted as done for {@link #join()}).
     *
     * @apiNote asyncio: {@code queue.shutdown(immediate)} (3.13)
     */
    public synchronized void shutdown(boolean immediate) {
        shutdown = true;
        if (immediate) {
            while (items.size() > 0) {
                items.get();
                if (unfinished > 0) {
                    unfinished--;
                }
            }
            if (unfinished == 0) {
                finished.set();
            }
        }
        getters.wakeAll();
        putters.wakeAll();
    }

    /** {@link #shutdown(boolean)} keeping the items: getters drain them first. */
    public void shutdown() {
        shutdown(false);
    }

    private QueueShutDown shutDownError(String op) {
        return new QueueShutDown("Queue." + op + ": the queue is shut down"
                + (op.equals("get") ? " and empty" : ""));
    }

    /**
     * @apiNote asyncio: {@code queue.qsize()}
     */
    public synchronized int qsize() {
        return items.size();
    }

    /**
     * @apiNote asyncio: {@code queue.maxsize}
     */
    public int maxsize() {
        return maxsize;
    }

    /**
     * @apiNote asyncio: {@code queue.empty()}
     */
    public synchronized boolean empty() {
        return items.size() == 0;
    }

    /**
     * @apiNote asyncio: {@code queue.full()}
     */
    public synchronized boolean full() {
        return fullLocked();
    }

    private boolean fullLocked() {
        return maxsize > 0 && items.size() >= maxsize;
    }

    /**
     * @apiNote asyncio: none; what asyncio's repr shows
     */
    public synchronized Statistics statistics() {
        return new Statistics(items.size(), maxsize, getters.size(), putters.size(), unfinished, shutdown);
    }

    @Override
    public synchronized String toString() {
        // asyncio's Queue._format: maxsize, _queue (if any), _getters[n], _putters[n], tasks
        return "<" + getClass().getSimpleName() + " maxsize=" + Math.max(0, maxsize)
                + (items.size() == 0 ? "" : " _queue=" + io.aio4j.internal.Repr.of(items.snapshot()))
                + (getters.isEmpty() ? "" : " _getters[" + getters.size() + "]")
                + (putters.isEmpty() ? "" : " _putters[" + putters.size() + "]")
                + (unfinished == 0 ? "" : " tasks=" + unfinished) + (shutdown ? " shutdown" : "") + ">";
    }

    /**
     * A snapshot of the queue.
     *
     * @param size the items in the queue
     * @param maxsize its bound (zero or less: none)
     * @param getters tasks waiting in {@code get}
     * @param putters tasks waiting in {@code put}
     * @param unfinishedTasks items put and not yet marked done
     * @param shutDown whether {@link #shutdown(boolean)} was called
     */
    public record Statistics(int size, int maxsize, int getters, int putters, int unfinishedTasks, boolean shutDown) {
    }
}
