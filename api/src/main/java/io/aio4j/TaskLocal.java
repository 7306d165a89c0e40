package io.aio4j;

import io.aio4j.internal.TaskContext;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A value per task: asyncio's {@code contextvars.ContextVar}. Each task starts with a copy of the
 * values its creator had when it created the task; a task's {@link #set} is seen by that task and the
 * tasks it creates afterwards, never by its creator or siblings. {@link Aio#toThread} runs its function
 * with a copy of the caller's values.
 *
 * {@snippet :
 * static final TaskLocal<String> REQUEST_ID = TaskLocal.of("request_id", "-");
 *
 * REQUEST_ID.set("r-42");
 * Aio.createTask(() -> log(REQUEST_ID.get()));   // prints r-42
 * }
 *
 * <p>Outside a task (a plain thread, a loop callback), values live per thread.
 *
 * @param <T> the value type
 * @apiNote asyncio: {@code contextvars.ContextVar}
 */
public final class TaskLocal<T> {
    private static final Object NO_DEFAULT = new Object();

    private final String name;
    private final Object defaultValue;

    private TaskLocal(String name, Object defaultValue) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultValue = defaultValue;
    }

    /**
     * A variable without a default: {@link #get()} throws until it is set.
     *
     * @apiNote asyncio: {@code ContextVar(name)}
     */
    public static <T> TaskLocal<T> of(String name) {
        return new TaskLocal<>(name, NO_DEFAULT);
    }

    /**
     * A variable with a default value.
     *
     * @apiNote asyncio: {@code ContextVar(name, default=value)}
     */
    public static <T> TaskLocal<T> of(String name, T defaultValue) {
        return new TaskLocal<>(name, defaultValue);
    }

    /**
     * @apiNote asyncio: {@code var.name}
     */
    public String name() {
        return name;
    }

    /**
     * The current task's value, else the default.
     *
     * @apiNote asyncio: {@code var.get()}
     * @throws NoSuchElementException if there is neither (asyncio's {@code LookupError})
     */
    @SuppressWarnings("unchecked")
    public T get() {
        Object v = TaskContext.current().get(this);
        if (v != null) {
            return v == TaskContext.NULL ? null : (T) v;
        }
        if (defaultValue == NO_DEFAULT) {
            throw new NoSuchElementException("TaskLocal '" + name + "' has no value in this task and no default");
        }
        return (T) defaultValue;
    }

    /**
     * The current task's value, else {@code fallback} (this variable's default is not used).
     *
     * @apiNote asyncio: {@code var.get(default)}
     */
    @SuppressWarnings("unchecked")
    public T get(T fallback) {
        Object v = TaskContext.current().get(this);
        if (v == null) {
            return fallback;
        }
        return v == TaskContext.NULL ? null : (T) v;
    }

    /**
     * Sets the current task's value (null is a value) and returns a token that {@link #reset} uses to
     * put back the previous one.
     *
     * @apiNote asyncio: {@code token = var.set(value)}
     */
    public Token<T> set(T value) {
        return new Token<>(this, TaskContext.set(this, value == null ? TaskContext.NULL : value));
    }

    /**
     * Puts back the value this variable had before the {@link #set} that returned {@code token}.
     *
     * @apiNote asyncio: {@code var.reset(token)}
     * @throws IllegalStateException if the token was already used
     * @throws IllegalArgumentException if the token belongs to another variable or another task
     */
    public void reset(Token<T> token) {
        Objects.requireNonNull(token, "token");
        if (token.var != this) {
            throw new IllegalArgumentException(token + " was created by another TaskLocal than '" + name + "'");
        }
        token.previous.restore(token);
    }

    @Override
    public String toString() {
        return "<TaskLocal name='" + name + "'" + (defaultValue == NO_DEFAULT ? "" : " default=" + defaultValue) + ">";
    }

    /**
     * What {@link #set} returns, for {@link #reset}: usable once, in the task that made it.
     *
     * @param <T> the variable's value type
     * @apiNote asyncio: {@code contextvars.Token}
     */
    public static final class Token<T> {
        final TaskLocal<T> var;
        final TaskContext.Previous previous;

        Token(TaskLocal<T> var, TaskContext.Previous previous) {
            this.var = var;
            this.previous = previous;
        }

        /**
         * @apiNote asyncio: {@code token.var}
         */
        public TaskLocal<T> var() {
            return var;
        }

        @Override
        public String toString() {
            return "<Token" + (previous.used() ? " used" : "") + " var=" + var + ">";
        }
    }
}
