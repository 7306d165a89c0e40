package io.aio4j.bridge.internal;

/** The current fiber for an await, and rethrowing without declaring. */
public final class Suspensions {
    private Suspensions() {
    }

    /** The current task's fiber, or an error explaining that {@code what} needs one. */
    public static Fiber currentFiber(String what) {
        Fiber f = Loop.currentFiber();
        if (f == null) {
            throw Loop.notInTask(what);
        }
        return f;
    }

    /** Throws {@code t} without declaring it: {@link io.aio4j.bridge.lowlevel.Unchecked#rethrow}. */
    public static RuntimeException sneakyThrow(Throwable t) {
        return io.aio4j.bridge.lowlevel.Unchecked.rethrow(t);
    }
}
