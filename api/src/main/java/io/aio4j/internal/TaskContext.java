package io.aio4j.internal;

import io.aio4j.TaskLocal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The values of {@link TaskLocal}s: an immutable map per task (replaced on every set, so that a copy
 * is a shared reference, as contextvars' HAMT), or per thread outside tasks.
 */
public final class TaskContext {
    /** Stands for a null value, so that null in the map means "not set". */
    public static final Object NULL = new Object();
    static final Map<TaskLocal<?>, Object> EMPTY = Map.of();
    private static final ThreadLocal<Map<TaskLocal<?>, Object>> THREAD = ThreadLocal.withInitial(() -> EMPTY);

    private TaskContext() {
    }

    /** The values visible here: the current task's, else this thread's. */
    public static Map<TaskLocal<?>, Object> current() {
        return TaskImpl.currentOrNull() instanceof TaskImpl<?> t ? t.context : THREAD.get();
    }

    /** Sets {@code var} where {@link #current()} reads, returning how to undo it. */
    public static Previous set(TaskLocal<?> var, Object value) {
        Object owner = owner();
        Map<TaskLocal<?>, Object> before = current();
        Map<TaskLocal<?>, Object> after = new HashMap<>(before);
        after.put(var, value);
        install(Map.copyOf(after));
        return new Previous(owner, var, before.get(var));
    }

    private static Object owner() {
        return TaskImpl.currentOrNull() instanceof TaskImpl<?> t ? t : Thread.currentThread();
    }

    private static void install(Map<TaskLocal<?>, Object> values) {
        if (TaskImpl.currentOrNull() instanceof TaskImpl<?> t) {
            t.context = values;
        } else {
            THREAD.set(values);
        }
    }

    /** Runs {@code f} on this (non-task) thread with {@code values}, then puts the thread's back. */
    public static <T> T callWith(Map<TaskLocal<?>, Object> values, Callable<T> f) throws Exception {
        Map<TaskLocal<?>, Object> saved = THREAD.get();
        THREAD.set(values);
        try {
            return f.call();
        } finally {
            THREAD.set(saved);
        }
    }

    /** The state before one {@code set}: what a token restores. */
    public static final class Previous {
        private final Object owner;
        private final TaskLocal<?> var;
        private final Object value; // null: was not set
        private boolean used;

        Previous(Object owner, TaskLocal<?> var, Object value) {
            this.owner = owner;
            this.var = var;
            this.value = value;
        }

        public synchronized boolean used() {
            return used;
        }

        public void restore(Object token) {
            synchronized (this) {
                if (used) {
                    throw new IllegalStateException(token + " has already been used once");
                }
                if (owner != owner()) {
                    throw new IllegalArgumentException(token + " was created in another task or thread");
                }
                used = true;
            }
            Map<TaskLocal<?>, Object> after = new HashMap<>(current());
            if (value == null) {
                after.remove(var);
            } else {
                after.put(var, value);
            }
            install(Map.copyOf(after));
        }
    }
}
