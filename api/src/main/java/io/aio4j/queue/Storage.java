package io.aio4j.queue;

import java.util.ArrayDeque;
import java.util.Comparator;

/** Where a queue keeps its items: the only difference between Queue, LifoQueue and PriorityQueue. */
interface Storage<T> {
    void put(T item);

    T get();

    int size();

    /** The items in the storage's own order (asyncio's {@code list(queue._queue)}). */
    java.util.List<T> snapshot();

    static <T> Storage<T> fifo() {
        ArrayDeque<T> d = new ArrayDeque<>();
        return new Storage<>() {
            public void put(T item) {
                d.addLast(item);
            }

            public T get() {
                return d.pollFirst();
            }

            public int size() {
                return d.size();
            }

            public java.util.List<T> snapshot() {
                return new java.util.ArrayList<>(d);
            }
        };
    }

    static <T> Storage<T> lifo() {
        ArrayDeque<T> d = new ArrayDeque<>();
        return new Storage<>() {
            public void put(T item) {
                d.addLast(item);
            }

            public T get() {
                return d.pollLast();
            }

            public int size() {
                return d.size();
            }

            public java.util.List<T> snapshot() {
                return new java.util.ArrayList<>(d);
            }
        };
    }

    static <T> Storage<T> priority(Comparator<? super T> order) {
        java.util.PriorityQueue<T> heap = new java.util.PriorityQueue<>(order);
        return new Storage<>() {
            public void put(T item) {
                heap.add(item);
            }

            public T get() {
                return heap.poll();
            }

            public int size() {
                return heap.size();
            }

            public java.util.List<T> snapshot() {
                return new java.util.ArrayList<>(heap);
            }
        };
    }
}
